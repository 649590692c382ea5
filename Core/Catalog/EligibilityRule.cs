namespace BlindSpot.Core.Catalog;

/// <summary>Who a feed can report on in the simulation: an age band for person feeds, a kind of household for both.</summary>
public sealed record EligibilityRule
{
    public int MinAge { get; init; }

    public int MaxAge { get; init; } = 120;

    public HouseholdFilter Household { get; init; } = HouseholdFilter.Any;
}
