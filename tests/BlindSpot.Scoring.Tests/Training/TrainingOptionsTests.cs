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
}
