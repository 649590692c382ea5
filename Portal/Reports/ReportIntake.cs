using System.Globalization;
using BlindSpot.Core.Files;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Reports;
using BlindSpot.Portal.Cases;

namespace BlindSpot.Portal.Reports;

/// <summary>
/// Takes in reports from the public (복지위기 알림), from a file (an analyst's import, or <c>blindspot reports import</c>)
/// or the API: each row checked (<see cref="ReportFileReader.Check"/>), matched to the quarter's roster
/// (<see cref="ReportMatcher"/>), and kept. A matched report joins the person's case of the quarter in their 시군구 if there
/// is one (the quarter's worklist is made cases first, so a dispatched person's report lands on that case), else becomes
/// a case of origin 신고 assigned to the person's 읍면동. Unmatched reports are kept for analysts, never dropped. No
/// resident number is stored, logged or returned; the raw file is kept owner-only under <c>portal/reports/&lt;Q&gt;/</c>.
/// </summary>
public sealed class ReportIntake(ICaseStore cases, IReportStore reports, CaseBook book, DataRoot root, PortalOptions options, Pseudonymizer pseudonymizer, TimeProvider time)
{
    // One intake at a time in this process: a person reported twice at once must join one case, not make two.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Reads, matches and keeps the reports of <paramref name="path"/>; a file refused as a whole throws <see cref="ReportFileException"/>.</summary>
    public async Task<ReportIntakeRecord> ImportFileAsync(string userName, Quarter quarter, string path, string fileName, CancellationToken ct)
    {
        var file = ReportFileReader.Read(path, KoreanTime.Today(time));
        var intakeId = NewId();
        var kept = Path.Combine(PrivateFiles.CreateFolder(Path.Combine(options.PortalFolder, "reports", quarter.ToString())).FullName, intakeId + Path.GetExtension(fileName).ToLowerInvariant());
        await using (var from = File.OpenRead(path))
        await using (var to = PrivateFiles.Create(kept))
        {
            await from.CopyToAsync(to, ct).ConfigureAwait(false);
        }

        var rejected = file.Rejected.Select(r => r with { File = fileName }).ToList();
        return await TakeInAsync(new ReportIntakeRecord
        {
            IntakeId = intakeId, At = time.GetUtcNow(), UserName = userName, Channel = ReportIntakeRecord.FileChannel, FileName = fileName, Quarter = quarter.ToString(),
        }, file.Reports, rejected, ct).ConfigureAwait(false);
    }

    /// <summary>One report sent to the API by the holder of key <paramref name="keyName"/>, its fields named as <see cref="ReportFileReader.Fields"/>.</summary>
    public async Task<ReportIntakeRecord> SubmitAsync(string keyName, Quarter quarter, IReadOnlyDictionary<string, string> fields, CancellationToken ct)
    {
        var (report, rejection) = ReportFileReader.Check(fields, 1, "api", KoreanTime.Today(time));
        return await TakeInAsync(new ReportIntakeRecord
        {
            IntakeId = NewId(), At = time.GetUtcNow(), UserName = "api:" + keyName, Channel = ReportIntakeRecord.ApiChannel, FileName = "api", Quarter = quarter.ToString(),
        }, report is null ? [] : [report], rejection is null ? [] : [rejection], ct).ConfigureAwait(false);
    }

    private async Task<ReportIntakeRecord> TakeInAsync(ReportIntakeRecord intake, IReadOnlyList<CrisisReport> taken, IReadOnlyList<ReportRejection> rejected, CancellationToken ct)
    {
        await Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var quarter = Quarter.Parse(intake.Quarter, CultureInfo.InvariantCulture);
            await reports.StartIntakeAsync(intake, ct).ConfigureAwait(false);
            var matches = await ReportMatcher.MatchAsync(root, quarter, taken, pseudonymizer, ct).ConfigureAwait(false);
            var matched = 0;
            var made = new List<CaseRecord>();
            foreach (var m in matches)
            {
                ct.ThrowIfCancellationRequested();
                matched += await KeepAsync(intake, quarter, m, made, ct).ConfigureAwait(false) ? 1 : 0;
            }

            // The new 신고 cases on the municipal register (one vault pass for all), so their results become labels.
            await book.RegisterAsync(quarter, made, ct).ConfigureAwait(false);

            var finished = intake with { Matched = matched, Unmatched = matches.Count - matched, Rejections = rejected };
            await reports.FinishIntakeAsync(finished, ct).ConfigureAwait(false);
            return finished;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Keeps one report, and for a match puts it on the person's case (made when there is none, and added to <paramref name="made"/>); true when matched.</summary>
    private async Task<bool> KeepAsync(ReportIntakeRecord intake, Quarter quarter, ReportMatch m, List<CaseRecord> made, CancellationToken ct)
    {
        var r = m.Report;
        var stored = new StoredReport
        {
            IntakeId = intake.IntakeId, Line = r.Line, Quarter = intake.Quarter, ReporterKind = r.ReporterKind, ReportedOn = r.ReportedOn,
            Observed = r.Observed, Name = r.Name, Address = r.Address, Match = m.Code, SigunguCode = m.SigunguCode, EupmyeondongCode = m.EupmyeondongCode,
        };
        if (m is not { Kind: ReportMatchKind.Matched, PersonKey: { } person, SigunguCode: { } sigungu })
        {
            await reports.AddReportAsync(stored, ct).ConfigureAwait(false);
            return false;
        }

        // A dispatched person's report must land on the dispatched case: make the worklist cases first (idempotent).
        await book.EnsureAsync(quarter, sigungu, ct).ConfigureAwait(false);
        var what = Invariant($"신고 ({r.ReporterKind}, {r.ReportedOn:yyyy-MM-dd}): {r.Observed}");
        var existing = (await cases.OfPersonAsync(person, ct).ConfigureAwait(false)).FirstOrDefault(c => c.Quarter == intake.Quarter && c.SigunguCode == sigungu);
        if (existing is not null)
        {
            await reports.AddReportAsync(stored with { CaseId = existing.CaseId }, ct).ConfigureAwait(false);
            await cases.AttachReportAsync(existing.CaseId, what, intake.UserName, intake.At, ct).ConfigureAwait(false);
            return true;
        }

        var id = await reports.AddReportAsync(stored, ct).ConfigureAwait(false);
        var caseId = Invariant($"{quarter}-{sigungu}-{CaseIds.Reported}-{id:D6}");
        var record = new CaseRecord
        {
            CaseId = caseId, Quarter = intake.Quarter, SigunguCode = sigungu,
            EupmyeondongCode = m.EupmyeondongCode is { Length: 8 } emd && emd.StartsWith(sigungu, StringComparison.Ordinal) ? emd : null,
            Origin = CaseOrigin.Report, PersonKey = person,
            // A 복지위기 알림 is about a household in crisis; it has no model score, so no grade and no rank.
            VariantName = "위기가구", RiskBand = "-", SigunguRank = 0, Name = m.Name ?? r.Name,
            // Due as many days after the intake's Korean day as a dispatched case after its dispatch date.
            Due = CaseDue.AddedOn(root, quarter, DateOnly.FromDateTime(intake.At.ToOffset(KoreanTime.Offset).DateTime)),
            // The registered address and phone from the vault go with the report, as a worklist row would carry them
            // (and are kept as the case's contacts when it is put on the municipal register, below).
            Reasons = [what, .. r.Address.Length > 0 ? [$"신고된 주소: {r.Address}"] : Array.Empty<string>(),
                $"주소(주민등록): {m.Contacts.Address}", $"연락처: {(m.Contacts.Phone.Length > 0 ? m.Contacts.Phone : "(없음)")}"],
        };
        await cases.AddAsync([record], intake.UserName, intake.At, ct).ConfigureAwait(false);
        made.Add(record);
        await reports.SetReportCaseAsync(id, caseId, ct).ConfigureAwait(false);
        return true;
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
