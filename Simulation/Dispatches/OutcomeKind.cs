namespace BlindSpot.Simulation.Dispatches;

/// <summary>
/// What the municipality reported after the field check, as the real system records it (docs/SIMULATION.md,
/// "Outcomes"). The codes written are <see cref="OutcomeModel.Code"/>; the order is the order of the report's counts.
/// </summary>
internal enum OutcomeKind
{
    /// <summary>Linked to basic livelihood security (기초생활보장).</summary>
    SupportedLivelihood,

    /// <summary>Emergency welfare support (긴급복지지원).</summary>
    SupportedEmergency,

    /// <summary>Another public benefit or social service.</summary>
    SupportedService,

    /// <summary>Linked to private resources (민간자원).</summary>
    SupportedPrivate,

    /// <summary>Child protection: an abuse report or protective measure (child variant only).</summary>
    SupportedProtection,

    /// <summary>Checked and found not to need or qualify for support.</summary>
    NotEligible,

    /// <summary>Already receiving the support a visit could give.</summary>
    AlreadyReceiving,

    /// <summary>Reached, but declined.</summary>
    Refused,

    /// <summary>Could not be found or contacted; says nothing about need, so kept apart from not_eligible.</summary>
    Unreachable,

    /// <summary>Moved out before the visit.</summary>
    Moved,

    /// <summary>In hospital, in a facility, deceased, a duplicate case …</summary>
    Other,
}
