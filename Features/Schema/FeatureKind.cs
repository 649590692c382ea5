namespace BlindSpot.Features.Schema;

/// <summary>Where a feature comes from.</summary>
public enum FeatureKind
{
    /// <summary>About the person, from the roster (age, sex, benefits …).</summary>
    Person,

    /// <summary>About the person's household (size, children, elders, members in crisis …).</summary>
    Household,

    /// <summary>What changed since the previous quarter.</summary>
    Change,

    /// <summary>Derived from one feed by one catalog rule.</summary>
    Feed,

    /// <summary>Derived from one feed (or all) over the last four quarters' lakes: persistence, trend, window maxima.</summary>
    History,
}
