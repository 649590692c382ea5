namespace BlindSpot.Dispatch.Outcomes;

/// <summary>What an outcome code means to training (<see cref="OutcomeCode.LabelOf"/>).</summary>
public enum OutcomeLabel
{
    /// <summary>No label: the visit did not establish need either way (unreachable, refused, moved, other); excluded and counted.</summary>
    None,

    /// <summary>Support was given or linked.</summary>
    Positive,

    /// <summary>Visited and nothing to add: not eligible, or already receiving the support.</summary>
    Negative,
}
