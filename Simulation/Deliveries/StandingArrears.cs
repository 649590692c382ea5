using BlindSpot.Simulation.Randomness;

namespace BlindSpot.Simulation.Deliveries;

/// <summary>
/// Chronic non-payers: a minority of households with standing arrears or cut-offs and no crisis behind them — habitual
/// late payers, people with some income or assets who are simply late, small businesses juggling bills. Their records
/// are the same quarter after quarter (same feeds, same moderate depth and amounts, no growth), so they count as many
/// crisis indicators as a household in real trouble but show none of its pattern: nothing new, nothing worsening.
/// Membership and the standing records hang on the household or unit alone (no quarter in the key), so they persist
/// across quarters and over any number of runs; only delivery in a given quarter is drawn per quarter.
/// </summary>
internal static class StandingArrears
{
    /// <summary>Share of households that are chronic non-payers, whatever their crisis.</summary>
    public const double HouseholdShare = 0.035;

    /// <summary>Chance a standing record is in a quarter's delivery (the rest: paid just in time, or reported late).</summary>
    public const double DeliveredShare = 0.92;

    /// <summary>The quarter argument of keys that must not change between quarters.</summary>
    private const long Always = -1;

    public static bool IsChronic(ulong seed, int household) =>
        Uniform(SplitMix.Key(seed, RandomStreamId.Chronic, (ulong)household, Always)) < HouseholdShare;

    /// <summary>Whether the unit holds a standing record in the feed at all (before the quarter's delivery draw).</summary>
    public static bool Holds(ulong seed, FeedPlan plan, int unit) =>
        Uniform(SplitMix.Key(seed, RandomStreamId.Chronic, UnitKey(plan, unit), Always)) < plan.ChronicRate;

    /// <summary>Whether the standing record is delivered in the quarter.</summary>
    public static bool Delivered(ulong seed, FeedPlan plan, int unit, long quarter) =>
        Uniform(SplitMix.Key(seed, RandomStreamId.Chronic, UnitKey(plan, unit), quarter)) < DeliveredShare;

    /// <summary>The stream that fills the standing record: the same values every quarter.</summary>
    public static RandomStream Values(ulong seed, FeedPlan plan, int unit) =>
        new(SplitMix.Key(seed, RandomStreamId.Chronic, UnitKey(plan, unit) ^ (1UL << 63), Always));

    // Household-level keys use the household number space and person-level keys the person space; the feed index in
    // the high bits keeps them apart from the household-membership key (feed 0 is shifted by one).
    public static ulong UnitKey(FeedPlan plan, int unit) => ((ulong)(plan.Index + 1) << 40) | (uint)unit;

    private static double Uniform(ulong bits) => (bits >> 11) * (1.0 / (1UL << 53));
}
