using BlindSpot.Core.Catalog;
using BlindSpot.Scoring.Tests.TestSupport;
using BlindSpot.Scoring.Training;

namespace BlindSpot.Scoring.Tests.Training;

[TestFixture]
internal sealed class TrainingOptionsTests
{
    [TestCase("not_eligible")] // a negative outcome cannot be made positive
    [TestCase("unreachable")] // nor one without a label
    public void Validate_PositiveKindNotASupport_IsRefused(string kind)
    {
        var options = TrainedLake.Options(Variant.Household);
        options.PositiveKinds = ["supported_livelihood", kind];

        Assert.That(options.Validate, Throws.ArgumentException.With.Message.Contains("kinds of support"));
    }

    [Test]
    public void Validate_PositiveKindsOfSupport_Pass()
    {
        var options = TrainedLake.Options(Variant.Child);
        options.PositiveKinds = ["supported_livelihood", "supported_emergency", "supported_protection"];

        Assert.That(options.Validate, Throws.Nothing);
    }

    [Test]
    public void PositiveKinds_NotSet_AreTheVariantsDefault()
    {
        var child = TrainingOptionsFor(Variant.Child);
        var household = TrainingOptionsFor(Variant.Household);

        Assert.Multiple(() =>
        {
            Assert.That(child.PositiveKinds, Is.EqualTo(TrainingDefaults.Child.PositiveKinds).And.Not.Null);
            Assert.That(household.PositiveKinds, Is.Null, "every kind of support");
        });
    }

    [Test]
    public void PositiveKinds_SetToNull_AsksForEveryKindEvenForChild()
    {
        var child = TrainingOptionsFor(Variant.Child);

        child.PositiveKinds = null;

        Assert.That(child.PositiveKinds, Is.Null);
    }

    private static TrainingOptions TrainingOptionsFor(Variant variant) => new() { Variant = variant, Train = TrainedLake.TrainQuarters, Valid = TrainedLake.ValidQuarter };
}
