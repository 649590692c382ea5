namespace BlindSpot.Portal.Reports;

/// <summary>
/// A report as the portal keeps it: what was reported, by whom and when, the name and address the reporter gave (never a
/// resident number), how it matched, and the case it became or joined (null when unmatched).
/// </summary>
public sealed record StoredReport
{
    public long ReportId { get; init; }

    public required string IntakeId { get; init; }

    public required long Line { get; init; }

    public required string Quarter { get; init; }

    public required string ReporterKind { get; init; }

    public required DateOnly ReportedOn { get; init; }

    public required string Observed { get; init; }

    public required string Name { get; init; }

    public required string Address { get; init; }

    /// <summary>matched, no-match, ambiguous or not-on-roster (<see cref="Dispatch.Reports.ReportMatch.Code"/>).</summary>
    public required string Match { get; init; }

    public string? SigunguCode { get; init; }

    public string? EupmyeondongCode { get; init; }

    public string? CaseId { get; init; }
}
