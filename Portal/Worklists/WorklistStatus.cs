namespace BlindSpot.Portal.Worklists;

/// <summary>Which entries of a worklist the officer wants to see, by whether an outcome is on record.</summary>
public enum WorklistStatus
{
    /// <summary>No outcome on record yet (미회신): the default, what is still to be worked.</summary>
    Due,

    /// <summary>An outcome is on record (회신 완료).</summary>
    Reported,

    /// <summary>Every entry.</summary>
    All,
}
