namespace BlindSpot.Dispatch;

/// <summary>How many of one variant to dispatch, nationally, and how many one 시군구 may receive.</summary>
public sealed class VariantQuota
{
    /// <summary>National count for a roster of <see cref="DispatchOptions.ReferenceRoster"/> people.</summary>
    public int Count { get; set; }

    /// <summary>
    /// When true (the default) a smaller roster gets a proportional quota, so the 50,000-person sample dispatches the
    /// same ~1.7% the real system does; a larger roster keeps <see cref="Count"/>.
    /// </summary>
    public bool ScaleWithRoster { get; set; } = true;

    /// <summary>Optional most entries one 시군구 receives for this variant; see <see cref="DispatchOptions"/> for the spill-over rule.</summary>
    public int? SigunguCap { get; set; }

    /// <summary>The quota for a roster of <paramref name="rosterSize"/> people.</summary>
    public int For(long rosterSize, long referenceRoster) =>
        ScaleWithRoster && rosterSize < referenceRoster
            ? (int)Math.Round((double)Count * rosterSize / referenceRoster, MidpointRounding.AwayFromZero)
            : Count;
}
