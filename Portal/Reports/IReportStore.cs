namespace BlindSpot.Portal.Reports;

/// <summary>
/// Reports and their intakes, in the case store's database (PostgreSQL migration <c>008_reports.sql</c>, or the SQLite
/// file): <see cref="Cases.SqlCaseStore"/> implements it for both.
/// </summary>
public interface IReportStore
{
    /// <summary>Records an intake before its reports (its counts are set by <see cref="FinishIntakeAsync"/>).</summary>
    Task StartIntakeAsync(ReportIntakeRecord intake, CancellationToken ct);

    /// <summary>Sets the intake's counts and refused rows.</summary>
    Task FinishIntakeAsync(ReportIntakeRecord intake, CancellationToken ct);

    /// <summary>Adds a report; returns its number (unique, increasing).</summary>
    Task<long> AddReportAsync(StoredReport report, CancellationToken ct);

    /// <summary>Links a report to the case it became or joined.</summary>
    Task SetReportCaseAsync(long reportId, string caseId, CancellationToken ct);

    /// <summary>The latest reports (of a quarter when given; only those not matched when <paramref name="unmatchedOnly"/>), newest first.</summary>
    Task<IReadOnlyList<StoredReport>> ListReportsAsync(string? quarter, bool unmatchedOnly, int limit, CancellationToken ct);

    /// <summary>The reports a case holds, oldest first.</summary>
    Task<IReadOnlyList<StoredReport>> ReportsOfCaseAsync(string caseId, CancellationToken ct);

    /// <summary>The latest intakes, newest first.</summary>
    Task<IReadOnlyList<ReportIntakeRecord>> IntakesAsync(int limit, CancellationToken ct);
}
