using BlindSpot.Portal.Worklists;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace BlindSpot.Portal.Tests.Worklists;

/// <summary>Search, filters, sort and paging of the officer's list: counts always say how many match beyond the page.</summary>
public sealed class WorklistQueryTests
{
    private static readonly DateOnly Today = new(2026, 12, 10);

    // 120 entries: ranks 1..120; every third a child, grades 상/중/하 in turn; the first 60 due 2026-11-29 (overdue on
    // Today), the rest 2027-01-29; entries 1..10 reported.
    private static QuarterWorklist List()
    {
        var rows = Enumerable.Range(1, 120).Select(i => new WorklistRow(
            $"2026Q3-11110-{(i % 3 == 0 ? "C" : "H")}-{i:D6}", i % 3 == 0 ? "위기아동" : "위기가구", (i % 3) switch { 0 => "상", 1 => "중", _ => "하" },
            i, $"주민{i:D3}", i <= 60 ? new DateOnly(2026, 11, 29) : new DateOnly(2027, 1, 29))).ToList();
        return new QuarterWorklist("2026Q3", "11110", rows, rows.Take(10).Select(r => r.WorklistId).ToHashSet(StringComparer.Ordinal));
    }

    private static WorklistQuery Parse(params (string Key, string Value)[] pairs) =>
        WorklistQuery.From(new QueryCollection(pairs.ToDictionary(p => p.Key, p => new StringValues(p.Value))));

    [Test]
    public void Default_IsStillDue_FirstPageOf50_WithTheTotals()
    {
        var page = Parse().Apply(List(), Today);

        // 110 still due of 120: page 1 of 3, never a silent cut.
        Assert.That((page.Matching, page.Total, page.Page, page.Pages, page.Rows.Count), Is.EqualTo((110, 120, 1, 3, 50)));
        // Due dates tie among 11..60: worklist id breaks the tie, and C sorts before H.
        Assert.That(page.Rows[0].WorklistId, Is.EqualTo("2026Q3-11110-C-000012"));
    }

    [Test]
    public void LastPage_HoldsTheRest_AndAPagePastTheEndShowsTheLast()
    {
        var last = Parse(("page", "3")).Apply(List(), Today);
        var beyond = Parse(("page", "99")).Apply(List(), Today);

        Assert.That((last.Page, last.Rows.Count), Is.EqualTo((3, 10)));
        Assert.That(beyond.Rows.Select(r => r.WorklistId), Is.EqualTo(last.Rows.Select(r => r.WorklistId)));
    }

    [Test]
    public void EveryPage_TogetherHoldEachMatchingEntryOnce()
    {
        var seen = Enumerable.Range(1, 3).SelectMany(p => Parse(("status", "all"), ("sort", "name"), ("page", p.ToString(System.Globalization.CultureInfo.InvariantCulture))).Apply(List(), Today).Rows).ToList();

        Assert.That(seen.Select(r => r.WorklistId), Is.Unique);
        Assert.That(seen, Has.Count.EqualTo(120));
    }

    // Each filter alone, with the count it must give on List().
    [TestCase("variant", "위기아동", 37, TestName = "Filter_Variant_ChildrenStillDue")] // 40 children, 3 of them (3, 6, 9) reported
    [TestCase("grade", "상", 37, TestName = "Filter_Grade_Sang")] // grade 상 is the same every-third set
    [TestCase("rank", "1-10", 0, TestName = "Filter_RankBand_AllReported")]
    [TestCase("rank", "11-50", 40, TestName = "Filter_RankBand_11To50")]
    [TestCase("rank", "101-", 20, TestName = "Filter_RankBand_101AndBelow")]
    [TestCase("overdue", "1", 50, TestName = "Filter_Overdue_DueBeforeTodayAndNotReported")] // 11..60
    [TestCase("status", "reported", 10, TestName = "Filter_Reported")]
    [TestCase("status", "all", 120, TestName = "Filter_All")]
    [TestCase("q", "주민07", 10, TestName = "Search_ByName")] // 070..079
    [TestCase("q", "c-000099", 1, TestName = "Search_ByWorklistId_IgnoringCase")]
    [TestCase("variant", "child", 110, TestName = "Filter_UnknownValue_IsIgnored")]
    public void Filter_GivesTheExpectedCount(string key, string value, int expected)
    {
        Assert.That(Parse((key, value)).Apply(List(), Today).Matching, Is.EqualTo(expected));
    }

    [Test]
    public void Filters_Combine()
    {
        var page = Parse(("variant", "위기아동"), ("overdue", "1"), ("status", "all")).Apply(List(), Today);

        // Children among 11..60: 12, 15, …, 60.
        Assert.That(page.Matching, Is.EqualTo(17));
    }

    [Test]
    public void Sort_ByRankDescending_BreaksTiesById()
    {
        var byRank = Parse(("sort", "rank"), ("dir", "desc")).Apply(List(), Today);
        var byDue = Parse(("sort", "due"), ("dir", "desc")).Apply(List(), Today);

        Assert.That(byRank.Rows[0].SigunguRank, Is.EqualTo(120));
        Assert.That(byRank.Rows.Select(r => r.SigunguRank), Is.Ordered.Descending);
        // Every later entry shares one due date: ties by worklist id, so the order is stable between requests.
        Assert.That(byDue.Rows.Take(40).Select(r => r.WorklistId), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
    }

    [Test]
    public void ToQueryString_RoundTrips_AndLeavesDefaultsOut()
    {
        var query = Parse(("q", "김 하나"), ("variant", "위기가구"), ("overdue", "1"), ("sort", "rank"), ("page", "2"));

        Assert.That(Parse().ToQueryString(), Is.Empty);
        Assert.That(WorklistQuery.From(QueryHelpers(query.ToQueryString(3))), Is.EqualTo(query with { Page = 3 }));
    }

    private static QueryCollection QueryHelpers(string queryString) => new(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(queryString));
}
