namespace BlindSpot.Simulation.Roster;

/// <summary>Where a person stands in the roster of the current quarter.</summary>
internal enum PersonStatus : byte
{
    /// <summary>Lives here: status R.</summary>
    Resident = 0,

    /// <summary>Died this quarter: listed once more with status D, then gone.</summary>
    Died = 1,

    /// <summary>Moved out this quarter: listed once more with status M, then gone.</summary>
    MovedOut = 2,

    /// <summary>Left in an earlier quarter; no longer in any delivery.</summary>
    Gone = 3,
}
