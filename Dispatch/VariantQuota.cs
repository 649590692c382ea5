namespace BlindSpot.Dispatch;

/// <summary>
/// How many of a variant to dispatch: a fixed count, or a share of the roster (so a 50,000-person sample dispatches the
/// same ~1.7% the real system does). When both are set, the share wins for rosters smaller than the count implies.
/// </summary>
public sealed class VariantQuota
{
    /// <summary>National count. Household 110,000, child 20,000, lonely_death 20,000 by default: 150,000 in all.</summary>
    public int Count { get; set; }

    /// <summary>Share of the roster, 0–0.2; null to use <see cref="Count"/> alone.</summary>
    public double? ShareOfRoster { get; set; }

    /// <summary>Optional most entries one 시군구 receives for this variant; see <see cref="DispatchOptions"/> for the spill-over rule.</summary>
    public int? SigunguCap { get; set; }

    /// <summary>The quota for a roster of <paramref name="rosterSize"/> people.</summary>
    public int For(long rosterSize) =>
        ShareOfRoster is { } share ? (int)Math.Min(Count, Math.Round(share * rosterSize, MidpointRounding.AwayFromZero)) : Count;
}
