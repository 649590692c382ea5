namespace BlindSpot.Dispatch.Selection;

/// <summary>Why a ranked person was passed over; each is counted per variant in the dispatch summary.</summary>
public enum ExclusionReason
{
    /// <summary>The roster marks the person deceased this quarter.</summary>
    Deceased,

    /// <summary>The roster marks the person moved out this quarter.</summary>
    MovedOut,

    /// <summary>Already receives basic-livelihood benefits: the help the crisis calls for is in place.</summary>
    ReceivingBenefit,

    /// <summary>Found not eligible for this variant in one of the last quarters (DispatchOptions.NotEligibleLookbackQuarters).</summary>
    RecentlyNotEligible,

    /// <summary>Household variant: a higher-ranked member of the same household is already the contact.</summary>
    HouseholdAlreadyListed,

    /// <summary>Already on the list of a variant earlier in DispatchOptions.Priority.</summary>
    OnAnotherList,

    /// <summary>An earlier list in DispatchOptions.Priority already visits the person's household (DispatchOptions.OneVisitPerHousehold).</summary>
    HouseholdVisited,

    /// <summary>The person's 시군구 reached its cap for the variant; the place spilled over to the next-ranked person.</summary>
    SigunguCap,

    /// <summary>Scored but not on this quarter's roster (scores and roster from different runs).</summary>
    NotOnRoster,
}
