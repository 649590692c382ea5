using BlindSpot.Core.Catalog;
using BlindSpot.Scoring.Evaluation;

namespace BlindSpot.Scoring.Tests.Evaluation;

[TestFixture]
internal sealed class OwnFeedsRuleTests
{
    [Test]
    public void Score_TinyRow_CountsOnlyTheVariantsOwnFeedsWithARecord()
    {
        var catalog = FeedCatalog.LoadDefault();
        var own = catalog.FeedsFor(Variant.LonelyDeath).Select(f => f.Code).ToList();
        var other = catalog.Feeds.Select(f => f.Code).First(c => !own.Contains(c));
        // Two own feeds with a record, one other feed with a record, one own feed's months (not a presence) set: 2.
        string[] names = ["p_crisis_count", .. catalog.Feeds.Select(f => f.Code + "_presence"), own[0] + "_max_months"];
        var row = new float[names.Length];
        row[Array.IndexOf(names, own[0] + "_presence")] = 1;
        row[Array.IndexOf(names, own[1] + "_presence")] = 1;
        row[Array.IndexOf(names, other + "_presence")] = 1;
        row[Array.IndexOf(names, own[0] + "_max_months")] = 6;
        row[0] = 3;

        var rule = new OwnFeedsRule(catalog, Variant.LonelyDeath, names);

        Assert.That(rule.Indices, Has.Count.EqualTo(own.Count).And.Count.LessThan(catalog.Feeds.Count));
        Assert.That(rule.Score(row), Is.EqualTo(2f));
    }

    [Test]
    public void Constructor_PresenceFeatureMissing_ThrowsNamingIt()
    {
        var catalog = FeedCatalog.LoadDefault();
        var first = catalog.FeedsFor(Variant.Child)[0].Code + "_presence";

        Assert.That(() => new OwnFeedsRule(catalog, Variant.Child, ["p_crisis_count"]),
            Throws.InstanceOf<InvalidDataException>().With.Message.Contains($"'{first}'").And.Message.Contains("child"));
    }
}
