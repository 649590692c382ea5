namespace BlindSpot.Simulation.Dispatches;

/// <summary>What the municipality reported after the field check.</summary>
internal enum OutcomeKind
{
    /// <summary>Linked to a benefit or service.</summary>
    Supported,

    /// <summary>Checked and found not to need or qualify for support.</summary>
    NotEligible,

    /// <summary>Could not be found or contacted; says nothing about need, so kept apart from not_eligible.</summary>
    Unreachable,
}
