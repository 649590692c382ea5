using BlindSpot.Core.Catalog;
using BlindSpot.Core.Regions;
using BlindSpot.Portal.Cases;
using BlindSpot.Portal.Discovery;
using BlindSpot.Portal.Tests.TestSupport;
using BlindSpot.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace BlindSpot.Portal.Tests.Discovery;

/// <summary>Each search condition on the hand-checked <see cref="DiscoveryQuarter"/> of 종로구 (강여섯, 윤일곱, 윤아이, 한아홉).</summary>
public sealed class DiscoverySearchTests
{
    private static readonly IReadOnlyList<string> JongnoEupmyeondongs = Eupmyeondongs.Of(RegionRegistry.LoadDefault().GetSigungu("11110"));
    private PortalData data = null!;
    private LoadedDiscovery loaded = null!;

    [OneTimeSetUp]
    public async Task IndexAQuarter()
    {
        data = await PortalData.CreateAsync();
        await DiscoveryData.WriteAsync(data);
        loaded = (await new DiscoveryIndexCache(data.Root, FeedCatalog.LoadDefault()).GetAsync(DiscoveryQuarter.Quarter, "11110", CancellationToken.None))!;
    }

    [OneTimeTearDown]
    public void Delete() => data?.Dispose();

    private DiscoveryResult Search(string queryString, string? ownEupmyeondong = null) =>
        DiscoverySearch.Run(loaded, Query(queryString), ownEupmyeondong);

    private DiscoveryQuery Query(string queryString) =>
        DiscoveryQuery.From(new QueryCollection(QueryHelpers.ParseQuery(queryString)), JongnoEupmyeondongs, loaded.Index.FeedCodes);

    private string[] Names(DiscoveryResult result) => [.. result.Shown.Select(p => loaded.Index.People[p].Name)];

    [TestCase("", new[] { "강여섯", "윤일곱", "윤아이", "한아홉" }, TestName = "Run_NoCondition_FindsEveryoneIndexed")]
    [TestCase("age=65-79", new[] { "강여섯" }, TestName = "Run_AgeBand_65to79")]
    [TestCase("age=0-17", new[] { "윤아이" }, TestName = "Run_AgeBand_Children")]
    [TestCase("hh=single", new[] { "강여섯", "한아홉" }, TestName = "Run_HouseholdType_Single")]
    [TestCase("hh=child", new[] { "윤일곱", "윤아이" }, TestName = "Run_HouseholdType_WithChild")]
    [TestCase("hh=elder-only&hh=child", new[] { "강여섯", "윤일곱", "윤아이" }, TestName = "Run_TwoHouseholdTypes_AnyOfThem")]
    [TestCase("kind=debt", new[] { "한아홉" }, TestName = "Run_ReasonKind_DebtFromAPersonFeed")]
    [TestCase("kind=utility-cut", new[] { "강여섯" }, TestName = "Run_ReasonKind_UtilityCut")]
    [TestCase("kind=health-insurance", new[] { "윤일곱", "윤아이" }, TestName = "Run_ReasonKind_HouseholdFeedCoversTheChild")]
    [TestCase("feed=loan_arrears&feed=electricity_cutoff", new[] { "강여섯", "한아홉" }, TestName = "Run_TwoFeeds_AnyOfThem")]
    [TestCase("emd=11110515", new[] { "윤일곱", "윤아이" }, TestName = "Run_Eupmyeondong")]
    [TestCase("g-household=상", new[] { "강여섯" }, TestName = "Run_HouseholdGradeHigh")]
    [TestCase("g-household=중", new[] { "강여섯", "윤일곱", "한아홉" }, TestName = "Run_HouseholdGradeMiddleOrBetter_NotTheUngraded")]
    [TestCase("g-child=상", new[] { "윤아이" }, TestName = "Run_ChildGradeHigh")]
    [TestCase("g-lonely_death=하", new[] { "강여섯" }, TestName = "Run_LonelyDeathGraded")]
    [TestCase("age=30-39&kind=health-insurance", new[] { "윤일곱" }, TestName = "Run_TwoConditions_BothMustHold")]
    [TestCase("emd=41110505&kind=nonsense&feed=no_such_feed&g-household=최상", new[] { "강여섯", "윤일곱", "윤아이", "한아홉" }, TestName = "Run_ValuesNotOffered_AreIgnoredNotMatchedLoosely")]
    public void Run_Condition_FindsExactlyTheHandCheckedPeople(string query, string[] expected)
    {
        var result = Search(query);

        Assert.That(Names(result), Is.EquivalentTo(expected));
        Assert.That(result.Matching, Is.EqualTo(expected.Length));
        Assert.That(result.InScope, Is.EqualTo(4), "the area is the whole 시군구");
    }

    [Test]
    public void Run_EupmyeondongOfficer_SeesTheirEupmyeondongOnly()
    {
        var result = Search("", ownEupmyeondong: "11110515");

        Assert.That(Names(result), Is.EquivalentTo(new[] { "윤일곱", "윤아이" }));
        Assert.That(result.InScope, Is.EqualTo(2));
        Assert.That(Search("emd=11110505", ownEupmyeondong: "11110515").Matching, Is.Zero, "a condition narrows the area, never widens it");
    }

    [Test]
    public void Run_NoCondition_CountsPerEupmyeondongAndGrade_AndShowsTheBestGradedFirst()
    {
        var result = Search("");
        var household = loaded.Index.Variants.ToList().IndexOf(Variant.Household);

        Assert.That(result.ByEupmyeondong, Is.EquivalentTo(new Dictionary<string, int> { ["11110505"] = 1, ["11110510"] = 1, ["11110515"] = 2 }));
        Assert.That((result.ByGrade[household, 1], result.ByGrade[household, 2], result.ByGrade[household, 3], result.ByGrade[household, 0]), Is.EqualTo((1, 2, 0, 1)));
        Assert.That(Names(result)[..2], Is.EquivalentTo(new[] { "강여섯", "윤아이" }), "상 in some variant first");
        Assert.That(Names(result)[2..], Is.EquivalentTo(new[] { "윤일곱", "한아홉" }));
    }

    [Test]
    public void AuditText_HoldsConditionCodesOnly()
    {
        var text = Query("age=65-79&kind=debt&g-household=상&q=강여섯").AuditText();

        Assert.That(text, Is.EqualTo("search;age=65-79;kind=debt;g-household=high"));
    }

    [Test]
    public async Task Cache_FileRebuilt_IsReadAgain()
    {
        var cache = new DiscoveryIndexCache(data.Root, FeedCatalog.LoadDefault());
        var first = await cache.GetAsync(DiscoveryQuarter.Quarter, "11110", CancellationToken.None);
        var again = await cache.GetAsync(DiscoveryQuarter.Quarter, "11110", CancellationToken.None);
        File.SetLastWriteTimeUtc(data.Root.DiscoveryIndex(DiscoveryQuarter.Quarter, "11110"), new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var rebuilt = await cache.GetAsync(DiscoveryQuarter.Quarter, "11110", CancellationToken.None);

        Assert.That(again, Is.SameAs(first));
        Assert.That(rebuilt, Is.Not.SameAs(first));
        Assert.That(rebuilt!.Version, Is.Not.EqualTo(first!.Version), "a form made on the old file is refused");
        Assert.That(await cache.GetAsync(DiscoveryQuarter.Quarter.Previous, "11110", CancellationToken.None), Is.Null, "no index for that quarter");
    }
}
