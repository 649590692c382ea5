using BlindSpot.Portal.Cases;

namespace BlindSpot.Portal.Tests.Cases;

/// <summary>
/// What every case store must do, run against each store (<see cref="SqliteCaseStoreTests"/>,
/// <see cref="PostgresCaseStoreTests"/>): the same inputs give the same answers, so the quick start and production
/// cannot behave differently.
/// </summary>
public abstract partial class CaseStoreContract
{
    private static readonly DateTimeOffset At = new(2026, 10, 5, 1, 0, 0, TimeSpan.Zero);
    private ICaseStore store = null!;

    /// <summary>A fresh, empty store.</summary>
    protected abstract Task<ICaseStore> CreateStoreAsync();

    /// <summary>Drops what <see cref="CreateStoreAsync"/> made.</summary>
    protected abstract Task DropStoreAsync();

    [SetUp]
    public async Task CreateAsync() => store = await CreateStoreAsync();

    [TearDown]
    public Task DropAsync() => DropStoreAsync();

    [Test]
    public async Task AddAsync_SameCasesTwice_AddsThemOnceWithOneCreatedEvent()
    {
        var cases = Some.Cases("11110", 3);

        var first = await store.AddAsync(cases, "system", At, CancellationToken.None);
        var second = await store.AddAsync(cases, "system", At, CancellationToken.None);

        Assert.That((first, second), Is.EqualTo((3, 0)));
        Assert.That(await store.CountAsync("2026Q3", "11110", CaseOrigin.Dispatch, CancellationToken.None), Is.EqualTo(3));
        var history = await store.HistoryAsync(cases[0].CaseId, CancellationToken.None);
        Assert.That(history.Select(e => (e.Seq, e.Kind, e.Status, e.UserName)), Is.EqualTo(new[] { (1, CaseEvent.Created, CaseStatus.Assigned, "system") }));
    }

    [Test]
    public async Task FindAsync_GivesBackEveryField()
    {
        var added = Some.Case("11110", 7) with
        {
            PersonKey = -42, Reasons = ["단전 3개월", "건강보험료 8개월 체납"], Members = ["김둘 (900101-2******)"], PreviousQuarters = ["2025Q4", "2026Q1"],
            ContinuedCare = true, EupmyeondongCode = "11110515",
        };
        await store.AddAsync([added], "system", At, CancellationToken.None);

        var found = await store.FindAsync(added.CaseId, CancellationToken.None);

        Assert.That(found, Is.Not.Null);
        Assert.That(found! with { Reasons = [], Members = [], PreviousQuarters = [] }, Is.EqualTo(added with { Reasons = [], Members = [], PreviousQuarters = [] }));
        Assert.That((found.Reasons, found.Members, found.PreviousQuarters), Is.EqualTo((added.Reasons, added.Members, added.PreviousQuarters)));
        Assert.That(await store.FindAsync("2026Q3-11110-H-999999", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task ListAsync_StaysInTheQuarterAndSigungu_AndPages()
    {
        await store.AddAsync([.. Some.Cases("11110", 120), .. Some.Cases("41110", 5), Some.Case("11110", 500) with { CaseId = "2026Q2-11110-H-000500", Quarter = "2026Q2" }], "system", At, CancellationToken.None);

        var page3 = await store.ListAsync(new CaseQuery { Quarter = "2026Q3", SigunguCode = "11110", Page = 3, Sort = "id" }, CancellationToken.None);
        var past = await store.ListAsync(new CaseQuery { Quarter = "2026Q3", SigunguCode = "11110", Page = 9 }, CancellationToken.None);

        Assert.That((page3.Matching, page3.Total, page3.Page, page3.Pages), Is.EqualTo((120, 120, 3, 3)));
        Assert.That(page3.Rows.Select(r => r.CaseId), Is.EqualTo(Some.Cases("11110", 120).Skip(100).Select(c => c.CaseId)));
        Assert.That(past.Page, Is.EqualTo(3), "a page past the last shows the last");
        Assert.That(page3.ByStatus, Is.EqualTo(new Dictionary<string, int> { [CaseStatus.Assigned] = 120 }));
    }

    [TestCase("q", "주민0007", new[] { 7 }, TestName = "ListAsync_SearchByName_FindsThePerson")]
    [TestCase("q", "h-00001", new[] { 10, 11, 12, 13, 14, 15, 16, 17, 18, 19 }, TestName = "ListAsync_SearchByIdInLowerCase_FindsTheIds")]
    [TestCase("q", "%", new int[0], TestName = "ListAsync_SearchWithALikeWildcard_MatchesItLiterally")]
    [TestCase("grade", "하", new[] { 3, 6, 9, 12, 15, 18 }, TestName = "ListAsync_GradeFilter_KeepsThatGrade")]
    [TestCase("variant", "위기아동", new[] { 4, 8, 12, 16, 20 }, TestName = "ListAsync_VariantFilter_KeepsThatVariant")]
    [TestCase("reason", "utility-cut", new[] { 5, 10, 15, 20 }, TestName = "ListAsync_ReasonKindFilter_KeepsCasesWithSuchAReason")]
    [TestCase("repeat", "1", new[] { 2, 4, 6, 8, 10, 12, 14, 16, 18, 20 }, TestName = "ListAsync_RepeatFilter_KeepsEarlierDispatched")]
    public async Task ListAsync_Filter_KeepsOnlyMatchingCases(string filter, string value, int[] expected)
    {
        await store.AddAsync(Some.Cases("11110", 20), "system", At, CancellationToken.None);
        var query = new CaseQuery { Quarter = "2026Q3", SigunguCode = "11110", Sort = "id" };
        query = filter switch
        {
            "q" => query with { Search = value },
            "grade" => query with { Grade = value },
            "variant" => query with { Variant = value },
            "reason" => query with { ReasonKind = value },
            _ => query with { RepeatOnly = true },
        };

        var page = await store.ListAsync(query, CancellationToken.None);

        Assert.That(page.Rows.Select(r => r.CaseId), Is.EqualTo(expected.Select(i => Some.Id("11110", i))));
        Assert.That((page.Matching, page.Total), Is.EqualTo((expected.Length, 20)));
    }

    [Test]
    public async Task ListAsync_SortByNameDescending_UsesCodePointOrderAndBreaksTiesById()
    {
        await store.AddAsync([Some.Case("11110", 1) with { Name = "가나" }, Some.Case("11110", 2) with { Name = "Zed" }, Some.Case("11110", 3) with { Name = "가나" }, Some.Case("11110", 4) with { Name = "abc" }],
            "system", At, CancellationToken.None);

        var page = await store.ListAsync(new CaseQuery { Quarter = "2026Q3", SigunguCode = "11110", Sort = "name", Descending = true }, CancellationToken.None);

        Assert.That(page.Rows.Select(r => r.SigunguRank), Is.EqualTo(new[] { 1, 3, 4, 2 }));
    }

    [Test]
    public async Task AssignAsync_ToAnEupmyeondong_NarrowsItsListAndRecordsTheStep()
    {
        var cases = Some.Cases("11110", 4);
        await store.AddAsync(cases, "system", At, CancellationToken.None);

        Assert.That(await store.AssignAsync(cases[1].CaseId, "11110515", "officer-11110", At.AddHours(1), CancellationToken.None), Is.True);
        Assert.That(await store.AssignAsync("2026Q3-11110-H-999999", "11110515", "officer-11110", At, CancellationToken.None), Is.False);

        var own = await store.ListAsync(new CaseQuery { Quarter = "2026Q3", SigunguCode = "11110", Eupmyeondong = "11110515" }, CancellationToken.None);
        var held = await store.ListAsync(new CaseQuery { Quarter = "2026Q3", SigunguCode = "11110", Eupmyeondong = "-" }, CancellationToken.None);
        Assert.That(own.Rows.Select(r => r.CaseId), Is.EqualTo(new[] { cases[1].CaseId }));
        Assert.That((own.Total, held.Total), Is.EqualTo((1, 3)));
        Assert.That(await store.QuartersAsync("11110", "11110515", CancellationToken.None), Is.EqualTo(new[] { "2026Q3" }));
        Assert.That(await store.QuartersAsync("11110", "11110520", CancellationToken.None), Is.Empty);
        var last = (await store.HistoryAsync(cases[1].CaseId, CancellationToken.None))[^1];
        Assert.That((last.Seq, last.Kind, last.UserName, last.EupmyeondongCode, last.At), Is.EqualTo((2, CaseEvent.Assignment, "officer-11110", "11110515", At.AddHours(1))));
    }

    [Test]
    public async Task ChangeStatusAsync_FromTheCurrentStatus_MovesItAndNotesChannelAndText()
    {
        var c = Some.Case("11110", 1);
        await store.AddAsync([c], "system", At, CancellationToken.None);

        var moved = await store.ChangeStatusAsync(c.CaseId, CaseStatus.Assigned, CaseStatus.Contacted, "방문", "집에 계셨음", "officer-11110", At.AddDays(1), CancellationToken.None);
        var stale = await store.ChangeStatusAsync(c.CaseId, CaseStatus.Assigned, CaseStatus.Counselling, "전화", "", "other", At.AddDays(2), CancellationToken.None);
        var note = await store.ChangeStatusAsync(c.CaseId, CaseStatus.Contacted, CaseStatus.Contacted, "전화", "다시 통화", "officer-11110", At.AddDays(3), CancellationToken.None);

        Assert.That((moved, stale, note), Is.EqualTo((true, false, true)));
        Assert.That((await store.FindAsync(c.CaseId, CancellationToken.None))!.Status, Is.EqualTo(CaseStatus.Contacted));
        var history = await store.HistoryAsync(c.CaseId, CancellationToken.None);
        Assert.That(history.Select(e => (e.Seq, e.Kind, e.Status, e.Channel, e.Note)), Is.EqualTo(new[]
        {
            (1, CaseEvent.Created, CaseStatus.Assigned, "", ""),
            (2, CaseEvent.StatusChange, CaseStatus.Contacted, "방문", "집에 계셨음"),
            (3, CaseEvent.NoteOnly, CaseStatus.Contacted, "전화", "다시 통화"),
        }));
    }

    [Test]
    public async Task ChangeStatusAsync_ConcurrentlyOnOneCase_NumbersEveryEventOnce()
    {
        var c = Some.Case("11110", 1);
        await store.AddAsync([c], "system", At, CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            store.ChangeStatusAsync(c.CaseId, CaseStatus.Assigned, CaseStatus.Assigned, "전화", $"메모 {i}", "officer-11110", At, CancellationToken.None))));

        var history = await store.HistoryAsync(c.CaseId, CancellationToken.None);
        Assert.That(history.Select(e => e.Seq), Is.EqualTo(Enumerable.Range(1, 9)));
    }

    [Test]
    public async Task OverdueAndOpenFilters_LeaveOutCasesWithAResult()
    {
        var cases = Some.Cases("11110", 3);
        await store.AddAsync(cases, "system", At, CancellationToken.None);
        await store.ChangeStatusAsync(cases[0].CaseId, CaseStatus.Assigned, CaseStatus.Supported, "방문", "", "officer-11110", At, CancellationToken.None);

        var overdue = await store.ListAsync(new CaseQuery { Quarter = "2026Q3", SigunguCode = "11110", OverdueOn = cases[0].Due.AddDays(1) }, CancellationToken.None);
        var notYet = await store.ListAsync(new CaseQuery { Quarter = "2026Q3", SigunguCode = "11110", OverdueOn = cases[0].Due }, CancellationToken.None);
        var open = await store.ListAsync(new CaseQuery { Quarter = "2026Q3", SigunguCode = "11110", Status = "open" }, CancellationToken.None);

        Assert.That(overdue.Rows.Select(r => r.CaseId), Is.EqualTo(new[] { cases[1].CaseId, cases[2].CaseId }));
        Assert.That(notYet.Matching, Is.Zero);
        Assert.That(open.Matching, Is.EqualTo(2));
        Assert.That(open.ByStatus, Is.EqualTo(new Dictionary<string, int> { [CaseStatus.Assigned] = 2, [CaseStatus.Supported] = 1 }));
    }

    [Test]
    public async Task OfPersonAndContinuedCare_LinkQuartersAndMarkTheCase()
    {
        var now = Some.Case("11110", 1) with { PersonKey = 99 };
        var before = Some.Case("11110", 1) with { CaseId = "2026Q2-11110-H-000001", Quarter = "2026Q2", PersonKey = 99 };
        await store.AddAsync([now, before, Some.Case("11110", 2) with { PersonKey = 100 }], "system", At, CancellationToken.None);

        Assert.That(await store.SetContinuedCareAsync(now.CaseId, true, "officer-11110", At, CancellationToken.None), Is.True);

        Assert.That((await store.OfPersonAsync(99, CancellationToken.None)).Select(c => c.CaseId), Is.EqualTo(new[] { now.CaseId, before.CaseId }));
        var continued = await store.ListAsync(new CaseQuery { Quarter = "2026Q3", SigunguCode = "11110", ContinuedOnly = true }, CancellationToken.None);
        Assert.That(continued.Rows.Select(c => c.CaseId), Is.EqualTo(new[] { now.CaseId }));
        Assert.That((await store.HistoryAsync(now.CaseId, CancellationToken.None))[^1].Kind, Is.EqualTo(CaseEvent.Continued));
    }
}
