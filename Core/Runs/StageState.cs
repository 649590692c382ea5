namespace BlindSpot.Core.Runs;

/// <summary>Where a stage of a quarter's run stands, as an analyst reads it.</summary>
public enum StageState
{
    /// <summary>Started and not yet finished, or the process died while it ran.</summary>
    Running,

    /// <summary>Finished and wrote all its outputs; a rerun with the same inputs is skipped.</summary>
    Completed,

    /// <summary>Stopped with an error; see the record's Error. A rerun starts it again.</summary>
    Failed,
}
