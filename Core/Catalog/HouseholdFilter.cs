namespace BlindSpot.Core.Catalog;

/// <summary>Which households a feed can report on in the simulation.</summary>
public enum HouseholdFilter
{
    Any,

    /// <summary>At least one member aged 0–17.</summary>
    WithChild,

    /// <summary>Exactly one member.</summary>
    SinglePerson,

    /// <summary>At least one member aged 65 or more.</summary>
    WithElder,
}
