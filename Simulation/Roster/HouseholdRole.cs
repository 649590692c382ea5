namespace BlindSpot.Simulation.Roster;

/// <summary>A person's place in the family, which decides shared surnames and who may have children.</summary>
internal enum HouseholdRole : byte
{
    Head = 0,
    Spouse = 1,
    Child = 2,

    /// <summary>An elderly parent living with the head's family.</summary>
    Parent = 3,
}
