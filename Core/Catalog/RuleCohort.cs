namespace BlindSpot.Core.Catalog;

/// <summary>
/// A rule cohort (특정 위기 변수 조건 대상자): people of one variant who meet every <see cref="Conditions"/> in the
/// quarter's lake and are listed beside the model, up to their own quota, with <see cref="ReasonKo"/> as the reason on
/// the worklist. Immutable; validated with the catalog.
/// </summary>
public sealed record RuleCohort
{
    /// <summary>Lower snake-case code, unique in the catalog; the configuration key of its quota and its name in reports.</summary>
    public required string Code { get; init; }

    /// <summary>The variant whose eligible people (those in its score file) the cohort selects among, and whose list it joins.</summary>
    public required Variant Variant { get; init; }

    /// <summary>The rule in words for the worklist's first reason (Korean).</summary>
    public required string ReasonKo { get; init; }

    /// <summary>Most people the cohort lists a quarter for a roster of 9,000,000 (scaled like the variant quotas); part of the variant's quota.</summary>
    public required int Count { get; init; }

    /// <summary>Every condition must hold (AND); at least one.</summary>
    public required IReadOnlyList<CohortCondition> Conditions { get; init; }
}
