using BlindSpot.Portal.Cases;

namespace BlindSpot.Portal.Tests.Cases;

/// <summary>Own-discovery cases (자체 발굴), in every store alike.</summary>
public abstract partial class CaseStoreContract
{
    private static CaseRecord OwnDraft(string sigungu, long person) => Some.Case(sigungu, 1) with { CaseId = "", PersonKey = person, Origin = CaseOrigin.Dispatch };

    [Test]
    public async Task AddOwnAsync_TwoPeople_NumbersThemPerSigunguWithTheReasonAsTheFirstNote()
    {
        var first = await store.AddOwnAsync(OwnDraft("11110", 101), "이웃 주민 제보와 단전 확인", "officer-11110", At, CancellationToken.None);
        var second = await store.AddOwnAsync(OwnDraft("11110", 102), "건강보험료 체납", "officer-11110", At, CancellationToken.None);
        var elsewhere = await store.AddOwnAsync(OwnDraft("41110", 103), "대출 연체", "officer-41110", At, CancellationToken.None);

        Assert.That((first?.CaseId, second?.CaseId, elsewhere?.CaseId), Is.EqualTo(("2026Q3-11110-S-000001", "2026Q3-11110-S-000002", "2026Q3-41110-S-000001")));
        var found = await store.FindAsync(first!.CaseId, CancellationToken.None);
        Assert.That((found?.Origin, found?.Status, found?.PersonKey), Is.EqualTo((CaseOrigin.OwnDiscovery, CaseStatus.Assigned, 101L)));
        var history = await store.HistoryAsync(first.CaseId, CancellationToken.None);
        Assert.That(history.Select(e => (e.Kind, e.UserName, e.Note)), Is.EqualTo(new[] { (CaseEvent.Created, "officer-11110", "이웃 주민 제보와 단전 확인") }));
        Assert.That(await store.CountAsync("2026Q3", "11110", CaseOrigin.OwnDiscovery, CancellationToken.None), Is.EqualTo(2));
        Assert.That(CaseIds.IsWellFormed(first.CaseId), Is.True, "the case pages find it by this id");
    }

    [Test]
    public async Task AddOwnAsync_SomeoneAlreadyACaseThisQuarter_IsRefusedAndAddsNothing()
    {
        await store.AddAsync([Some.Case("11110", 1) with { PersonKey = 7 }], "system", At, CancellationToken.None);
        await store.AddOwnAsync(OwnDraft("11110", 8), "첫 추가", "officer-11110", At, CancellationToken.None);

        var dispatchedAlready = await store.AddOwnAsync(OwnDraft("11110", 7), "다시", "officer-11110", At, CancellationToken.None);
        var ownAlready = await store.AddOwnAsync(OwnDraft("11110", 8), "다시", "officer-11110", At, CancellationToken.None);
        var nextQuarter = await store.AddOwnAsync(OwnDraft("11110", 8) with { Quarter = "2026Q4" }, "다음 분기", "officer-11110", At, CancellationToken.None);

        Assert.That((dispatchedAlready, ownAlready), Is.EqualTo(((CaseRecord?)null, (CaseRecord?)null)));
        Assert.That(await store.CountAsync("2026Q3", "11110", CaseOrigin.OwnDiscovery, CancellationToken.None), Is.EqualTo(1));
        Assert.That(nextQuarter?.CaseId, Is.EqualTo("2026Q4-11110-S-000001"), "a new quarter is a new case");
    }

    [Test]
    public async Task AddOwnAsync_SamePersonFromTwoOfficersAtOnce_AddsOneCase()
    {
        var adds = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => store.AddOwnAsync(OwnDraft("11110", 55), $"동시 {i}", $"officer-{i}", At, CancellationToken.None)));

        Assert.That(adds.Count(a => a is not null), Is.EqualTo(1));
        Assert.That(await store.CountAsync("2026Q3", "11110", CaseOrigin.OwnDiscovery, CancellationToken.None), Is.EqualTo(1));
    }
}
