namespace BlindSpot.Dispatch.Reports;

/// <summary>
/// A report and whom it names on the roster: the person's pseudonym, 시군구, 읍면동 and name (from the identity vault)
/// and contacts when <see cref="Kind"/> is <see cref="ReportMatchKind.Matched"/>, else nulls. Carries no resident number outward.
/// </summary>
public sealed record ReportMatch(CrisisReport Report, ReportMatchKind Kind, long? PersonKey = null, string? SigunguCode = null, string? EupmyeondongCode = null, string? Name = null)
{
    /// <summary>The matched person's registered address and phone from the identity vault (empty when unmatched): what an officer needs to visit, as a worklist row carries it.</summary>
    public (string Address, string Phone) Contacts { get; init; } = ("", "");

    /// <summary>The word the stores keep: matched, no-match, ambiguous, not-on-roster.</summary>
    public string Code => Kind switch
    {
        ReportMatchKind.Matched => "matched",
        ReportMatchKind.NoMatch => "no-match",
        ReportMatchKind.Ambiguous => "ambiguous",
        _ => "not-on-roster",
    };
}
