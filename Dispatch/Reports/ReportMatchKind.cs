namespace BlindSpot.Dispatch.Reports;

/// <summary>How a report was matched to the quarter's roster.</summary>
public enum ReportMatchKind
{
    /// <summary>One person on the roster: the report goes to their 시군구 and 읍면동.</summary>
    Matched,

    /// <summary>Nobody in the identity vault has that resident number, or that name at that address.</summary>
    NoMatch,

    /// <summary>Several people have that name at that address: an analyst must tell them apart.</summary>
    Ambiguous,

    /// <summary>The person is in the vault but not on this quarter's roster (moved away, died, or not yet registered).</summary>
    NotOnRoster,
}
