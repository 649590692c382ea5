namespace BlindSpot.Core.Catalog;

/// <summary>What one record of a feed is about.</summary>
public enum FeedUnit
{
    /// <summary>One person, keyed by resident number; pseudonymised to a PersonKey.</summary>
    Person,

    /// <summary>One household (an address, a meter, a lease), keyed by household registration number; pseudonymised to a HouseholdKey.</summary>
    Household,
}
