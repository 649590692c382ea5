namespace BlindSpot.Dispatch.Reports;

/// <summary>
/// One report from the public (복지위기 알림) as taken in: whom it is about (a resident number, or a name and an address),
/// what was seen, who told us and when. Restricted: the resident number never leaves the intake (matching turns it into a
/// pseudonym); nothing writes it, and <see cref="ToString"/> leaves it out.
/// </summary>
public sealed record CrisisReport(long Line, string? ResidentNumber, string Name, string Address, string Observed, string ReporterKind, DateOnly ReportedOn)
{
    /// <summary>What was reported may be this long; longer text is refused, not cut.</summary>
    public const int MaxObservedLength = 1000;

    /// <summary>Names and addresses may be this long.</summary>
    public const int MaxTextLength = 200;

    public override string ToString() => $"report at line {Line} ({ReporterKind}, {ReportedOn:yyyy-MM-dd})";
}
