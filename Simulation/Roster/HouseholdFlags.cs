namespace BlindSpot.Simulation.Roster;

/// <summary>What a household holds this quarter, as feed eligibility and crisis onset need it.</summary>
[Flags]
internal enum HouseholdFlags : byte
{
    None = 0,

    /// <summary>At least one member aged 0–17.</summary>
    WithChild = 1,

    /// <summary>At least one member aged 65 or more.</summary>
    WithElder = 2,

    /// <summary>Exactly one member.</summary>
    SinglePerson = 4,

    /// <summary>Some member receives basic-livelihood or another means-tested benefit.</summary>
    Benefit = 8,

    /// <summary>Some member has a registered disability.</summary>
    Disability = 16,
}
