namespace BlindSpot.Dispatch.Discovery;

/// <summary>
/// One person of a 시군구 with crisis information this quarter who was not dispatched: where they live, who they are
/// (as a worklist names them: the resident number masked), which feeds hold a record of them and how the model grades
/// them per variant (aligned with <see cref="DiscoveryIndex.Variants"/>). Immutable.
/// </summary>
public sealed record DiscoveryPerson
{
    public required long PersonKey { get; init; }

    public required long HouseholdKey { get; init; }

    /// <summary>The 읍면동 code (8 digits).</summary>
    public required string Eupmyeondong { get; init; }

    /// <summary>Age at the quarter's last day.</summary>
    public required int Age { get; init; }

    /// <summary>'M' or 'F' as the roster says.</summary>
    public required char Sex { get; init; }

    public required HouseholdTraits Traits { get; init; }

    public required int HouseholdSize { get; init; }

    /// <summary>Bit i set: the person (or their household) has a record in feed i of <see cref="DiscoveryIndex.FeedCodes"/>.</summary>
    public required ulong Feeds { get; init; }

    /// <summary>Lake records of the person and their household this quarter, all feeds together.</summary>
    public required int Records { get; init; }

    /// <summary>Grade per variant of <see cref="DiscoveryIndex.Variants"/>.</summary>
    public required IReadOnlyList<DiscoveryGrade> Grades { get; init; }

    /// <summary>The person's rank in their 시군구 per variant (0 when not scored).</summary>
    public required IReadOnlyList<int> SigunguRanks { get; init; }

    public required string Name { get; init; }

    /// <summary>As worklists show it: <c>900101-1******</c>.</summary>
    public required string MaskedResidentNumber { get; init; }

    public required string Address { get; init; }

    public required string Phone { get; init; }

    /// <summary>The full number, only when Dispatch itself reads the index (the own-discovery register); null for everyone else.</summary>
    internal string? FullResidentNumber { get; init; }

    internal string? HouseholdNumber { get; init; }

    /// <summary>How many distinct feeds hold a record of the person or their household.</summary>
    public int FeedCount => System.Numerics.BitOperations.PopCount(Feeds);
}
