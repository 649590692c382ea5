using BlindSpot.Dispatch.Reports;
using BlindSpot.Portal.Cases;
using BlindSpot.Portal.Reports;

namespace BlindSpot.Portal.Tests.Cases;

/// <summary>Reports, intakes and API keys: the same answers from both stores.</summary>
public abstract partial class CaseStoreContract
{
    [Test]
    public async Task Reports_KeptWithTheirIntake_ListedNewestFirst_UnmatchedApart_AndByCase()
    {
        var reports = (IReportStore)store;
        var added = Some.Case("11110", 1);
        await store.AddAsync([added], "system", At, CancellationToken.None);
        var intake = new ReportIntakeRecord { IntakeId = "a1", At = At, UserName = "analyst", Channel = ReportIntakeRecord.FileChannel, FileName = "r.csv", Quarter = "2026Q3" };
        await reports.StartIntakeAsync(intake, CancellationToken.None);
        var first = await reports.AddReportAsync(Report("matched", "11110") with { CaseId = added.CaseId }, CancellationToken.None);
        var second = await reports.AddReportAsync(Report("ambiguous", null), CancellationToken.None);
        var third = await reports.AddReportAsync(Report("matched", "11110"), CancellationToken.None);
        await reports.SetReportCaseAsync(third, added.CaseId, CancellationToken.None);
        await reports.FinishIntakeAsync(intake with { Matched = 2, Unmatched = 1, Rejections = [new ReportRejection("r.csv", 5, "observed", "say what was seen")] }, CancellationToken.None);

        var all = await reports.ListReportsAsync("2026Q3", unmatchedOnly: false, 10, CancellationToken.None);
        var unmatched = await reports.ListReportsAsync(null, unmatchedOnly: true, 10, CancellationToken.None);
        var ofCase = await reports.ReportsOfCaseAsync(added.CaseId, CancellationToken.None);
        var intakes = await reports.IntakesAsync(10, CancellationToken.None);

        Assert.That(new[] { first, second, third }, Is.Ordered.Ascending);
        Assert.That(all.Select(r => r.ReportId), Is.EqualTo(new[] { third, second, first }));
        Assert.That(all[^1], Is.EqualTo(Report("matched", "11110") with { ReportId = first, CaseId = added.CaseId }));
        Assert.That(unmatched.Select(r => (r.ReportId, r.Match)), Is.EqualTo(new[] { (second, "ambiguous") }));
        Assert.That(ofCase.Select(r => r.ReportId), Is.EqualTo(new[] { first, third }));
        Assert.That(intakes.Select(i => (i.IntakeId, i.Read, i.Matched, i.Unmatched, i.Rejected)), Is.EqualTo(new[] { ("a1", 4, 2, 1, 1) }));
        Assert.That(intakes[0].Rejections.Single(), Is.EqualTo(new ReportRejection("r.csv", 5, "observed", "say what was seen")));
    }

    [Test]
    public async Task AttachReport_AddsAReportEventAndChangesNothingElse()
    {
        var added = Some.Case("11110", 1);
        await store.AddAsync([added], "system", At, CancellationToken.None);

        var attached = await store.AttachReportAsync(added.CaseId, "신고 (이웃, 2026-09-01): 우편물", "analyst", At.AddHours(1), CancellationToken.None);
        var missing = await store.AttachReportAsync("2026Q3-11110-H-999999", "x", "analyst", At, CancellationToken.None);

        Assert.That((attached, missing), Is.EqualTo((true, false)));
        Assert.That(await store.FindAsync(added.CaseId, CancellationToken.None), Is.EqualTo(added).Using<CaseRecord>((a, b) => a.CaseId == b.CaseId && a.Status == b.Status && a.EupmyeondongCode == b.EupmyeondongCode));
        var history = await store.HistoryAsync(added.CaseId, CancellationToken.None);
        Assert.That(history.Select(e => (e.Seq, e.Kind, e.Status, e.Note)), Is.EqualTo(new[] { (1, CaseEvent.Created, CaseStatus.Assigned, ""), (2, CaseEvent.Report, CaseStatus.Assigned, "신고 (이웃, 2026-09-01): 우편물") }));
    }

    [Test]
    public async Task ApiKeys_FoundByHash_NamesUnique_RevokedOnce()
    {
        var keys = (IApiKeyStore)store;
        var (_, hash) = ApiKeys.New();

        var added = await keys.AddApiKeyAsync("welfare-center", hash, "admin", At, CancellationToken.None);
        var again = await keys.AddApiKeyAsync("welfare-center", ApiKeys.New().Hash, "admin", At, CancellationToken.None);
        var found = await keys.FindApiKeyAsync(hash, CancellationToken.None);
        var revoked = await keys.RevokeApiKeyAsync("welfare-center", At.AddDays(1), CancellationToken.None);
        var twice = await keys.RevokeApiKeyAsync("welfare-center", At.AddDays(2), CancellationToken.None);
        var after = await keys.FindApiKeyAsync(hash, CancellationToken.None);

        Assert.That((added, again, revoked, twice), Is.EqualTo((true, false, true, false)));
        Assert.That(found, Is.EqualTo(new ApiKey("welfare-center", At, "admin", null)));
        Assert.That(after!.RevokedAt, Is.EqualTo(At.AddDays(1)));
        Assert.That(await keys.FindApiKeyAsync(ApiKeys.Hash("bsk_not-issued"), CancellationToken.None), Is.Null);
        Assert.That((await keys.ListApiKeysAsync(CancellationToken.None)).Select(k => k.Name), Is.EqualTo(new[] { "welfare-center" }));
    }

    private static StoredReport Report(string match, string? sigungu) => new()
    {
        IntakeId = "a1", Line = 2, Quarter = "2026Q3", ReporterKind = "이웃", ReportedOn = new DateOnly(2026, 9, 1), Observed = "우편물이 쌓여 있음",
        Name = "홍길동", Address = "서울 종로구 세종대로 1", Match = match, SigunguCode = sigungu, EupmyeondongCode = sigungu is null ? null : sigungu + "515",
    };
}
