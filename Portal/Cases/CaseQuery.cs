namespace BlindSpot.Portal.Cases;

/// <summary>
/// One page of one 시군구's cases of a quarter, searched and filtered. <see cref="SigunguCode"/> is always the caller's
/// authorised 시군구 and <see cref="Eupmyeondong"/>, for a 읍면동 officer, their own 읍면동: every other field only narrows.
/// </summary>
public sealed record CaseQuery
{
    public const int PageSize = 50;

    /// <summary>The sort keys offered, with their Korean labels.</summary>
    public static IReadOnlyList<(string Key, string Label)> Sorts { get; } = [("due", "회신 기한"), ("rank", "순위"), ("name", "성명"), ("id", "사례번호"), ("status", "진행 상태")];

    public required string Quarter { get; init; }

    public required string SigunguCode { get; init; }

    /// <summary>Only cases assigned to this 읍면동 (8 digits); "-" for those the 시군구 still holds; empty for all.</summary>
    public string Eupmyeondong { get; init; } = "";

    /// <summary>Name or case id contains this; empty for no search.</summary>
    public string Search { get; init; } = "";

    public string Variant { get; init; } = "";

    public string Grade { get; init; } = "";

    /// <summary>One of <see cref="CaseStatus.All"/>, "open" (not closed) or empty for all.</summary>
    public string Status { get; init; } = "";

    /// <summary>A key of <see cref="ReasonKinds.All"/>, or empty.</summary>
    public string ReasonKind { get; init; } = "";

    /// <summary>One of <see cref="CaseOrigin"/>, or empty.</summary>
    public string Origin { get; init; } = "";

    /// <summary>Only cases under continued management.</summary>
    public bool ContinuedOnly { get; init; }

    /// <summary>Only cases with an earlier dispatch (repeat flag).</summary>
    public bool RepeatOnly { get; init; }

    /// <summary>When set: only cases due before this day and without a result yet.</summary>
    public DateOnly? OverdueOn { get; init; }

    public string Sort { get; init; } = "due";

    public bool Descending { get; init; }

    /// <summary>1-based; a page past the last shows the last.</summary>
    public int Page { get; init; } = 1;
}
