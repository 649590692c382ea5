using System.Text.Json.Nodes;
using BlindSpot.Core.Catalog;

namespace BlindSpot.Core.Tests.Catalog;

/// <summary>Each rule of the catalog, broken once, must stop the load with a message naming the entry.</summary>
public sealed class BrokenCatalogTests
{
    private const string Origin = "feeds.json";

    [Test]
    public void DuplicateFeedCode_NamesTheCode()
    {
        var message = LoadBroken(doc => doc["feeds"]![1]!["code"] = Code(doc, 0));

        Assert.That(message, Does.Contain($"feed code '{Code(Original(), 0)}' appears twice"));
    }

    [Test]
    public void UnknownSource_NamesFeedAndSource()
    {
        var message = LoadBroken(doc => doc["feeds"]![2]!["source"] = "NOPE");

        Assert.That(message, Does.Contain($"feed '{Code(Original(), 2)}' names unknown source 'NOPE'"));
    }

    [Test]
    public void UnknownColumnType_NamesTheFeed()
    {
        var message = LoadBroken(doc => doc["feeds"]![3]!["columns"]![1]!["type"] = "currency");

        Assert.That(message, Does.Contain($"feed '{Code(Original(), 3)}'").And.Contain("columns[1].type"));
    }

    [Test]
    public void FeedWithoutVariant_NamesTheFeed()
    {
        var message = LoadBroken(doc => doc["feeds"]![4]!["variants"] = new JsonArray());

        Assert.That(message, Does.Contain($"feed '{Code(Original(), 4)}' is used by no variant"));
    }

    [Test]
    public void ReasonNamingAMissingColumn_NamesThePlaceholder()
    {
        var message = LoadBroken(doc => doc["feeds"]![5]!["reason"] = "체납 {nonexistent}개월");

        Assert.That(message, Does.Contain($"feed '{Code(Original(), 5)}' reason names '{{nonexistent}}'"));
    }

    [Test]
    public void FeatureWithoutItsColumn_NamesTheRule()
    {
        var message = LoadBroken(doc => doc["feeds"]![6]!["features"] = new JsonArray("presence", "maxDays", "maxMonths", "maxCount", "meanMeasure"));

        Assert.That(message, Does.Contain($"feed '{Code(Original(), 6)}' derives"));
    }

    [Test]
    public void CohortConditionOnAMissingFeed_NamesCohortAndFeed()
    {
        var message = LoadBroken(doc => doc["cohorts"]![0]!["conditions"]![0]!["feed"] = "nowhere");

        Assert.That(message, Does.Contain($"cohort '{Original()["cohorts"]![0]!["code"]!.GetValue<string>()}': condition names feed 'nowhere'"));
    }

    [Test]
    public void CohortConditionOnATextColumn_IsRefused()
    {
        var message = LoadBroken(doc => doc["cohorts"]![0]!["conditions"]![0]!["column"] = "event_date");

        Assert.That(message, Does.Contain("is not a numeric column of the feed"));
    }

    [Test]
    public void CohortConditionWithoutBounds_IsRefused()
    {
        var message = LoadBroken(doc => doc["cohorts"]![0]!["conditions"]![0]!.AsObject().Remove("atLeast"));

        Assert.That(message, Does.Contain("needs 'atLeast' or 'atMost'"));
    }

    [Test]
    public void UnusedSource_IsRefused()
    {
        var message = LoadBroken(doc => doc["sources"]!.AsArray().Add(new JsonObject
        {
            ["code"] = "IDLE",
            ["nameKo"] = "유휴기관",
            ["nameEn"] = "Idle institution",
            ["delivery"] = new JsonObject { ["encoding"] = "utf-8", ["delimiter"] = ",", ["dateFormat"] = "yyyyMMdd", ["headerLanguage"] = "en" },
        }));

        Assert.That(message, Does.Contain("source 'IDLE' delivers no feed"));
    }

    [Test]
    public void BadDelimiter_NamesTheSource()
    {
        var message = LoadBroken(doc => doc["sources"]![0]!["delivery"]!["delimiter"] = ";");

        Assert.That(message, Does.Contain($"source '{Original()["sources"]![0]!["code"]}' has delimiter ';'"));
    }

    [Test]
    public void EveryMessage_StartsWithTheFileName()
    {
        var message = LoadBroken(doc => doc["feeds"]![0]!["source"] = "NOPE");

        Assert.That(message, Does.StartWith(Origin + ": "));
    }

    private static string LoadBroken(Action<JsonNode> breakIt)
    {
        var document = Original();
        breakIt(document);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(document.ToJsonString()));
        return Assert.Throws<CatalogException>(() => FeedCatalog.Load(stream, Origin))!.Message;
    }

    private static JsonNode Original()
    {
        using var stream = typeof(FeedCatalog).Assembly.GetManifestResourceStream("BlindSpot.catalog.feeds.json")!;
        return JsonNode.Parse(stream)!;
    }

    private static string Code(JsonNode document, int index) => document["feeds"]![index]!["code"]!.GetValue<string>();
}
