namespace BlindSpot.Portal.Cases;

/// <summary>
/// One person a 시군구 works on in one quarter: who, why flagged, where the work stands and which 읍면동 holds it.
/// Immutable; the store hands out a fresh record after every change.
/// </summary>
public sealed record CaseRecord
{
    /// <summary>Unique across quarters: the worklist id for a dispatched case (<c>2026Q3-11110-H-000012</c>).</summary>
    public required string CaseId { get; init; }

    public required string Quarter { get; init; }

    public required string SigunguCode { get; init; }

    /// <summary>The 읍면동 (8 digits) the case is assigned to; null while the 시군구 holds it.</summary>
    public string? EupmyeondongCode { get; init; }

    /// <summary>One of <see cref="CaseOrigin"/>.</summary>
    public string Origin { get; init; } = CaseOrigin.Dispatch;

    /// <summary>The person's pseudonym, linking their cases across quarters; never shown.</summary>
    public long? PersonKey { get; init; }

    /// <summary>위기가구, 위기아동 or 고독사위험.</summary>
    public required string VariantName { get; init; }

    /// <summary>상, 중 or 하.</summary>
    public required string RiskBand { get; init; }

    public required int SigunguRank { get; init; }

    public required string Name { get; init; }

    public required DateOnly Due { get; init; }

    /// <summary>One of <see cref="CaseStatus.All"/>.</summary>
    public string Status { get; init; } = CaseStatus.Assigned;

    /// <summary>Under continued management (지속관리).</summary>
    public bool ContinuedCare { get; init; }

    /// <summary>Why flagged: Korean sentences, most important first.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>Other household members as the worklist names them.</summary>
    public IReadOnlyList<string> Members { get; init; } = [];

    /// <summary>Quarters in which the person was dispatched before.</summary>
    public IReadOnlyList<string> PreviousQuarters { get; init; } = [];
}
