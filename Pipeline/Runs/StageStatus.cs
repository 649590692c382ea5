namespace BlindSpot.Pipeline.Runs;

/// <summary>Where one stage of a followed run stands, as the progress display shows it.</summary>
public enum StageStatus
{
    /// <summary>Waiting for the stage before it to succeed.</summary>
    Waiting,

    /// <summary>In the queue (or scheduled for a retry after a transient failure), waiting for a worker.</summary>
    Queued,

    /// <summary>A worker is running it.</summary>
    Running,

    /// <summary>Ran in this run and recorded its outputs.</summary>
    Completed,

    /// <summary>Its checkpoint held: the inputs were unchanged and the outputs intact, so it did nothing.</summary>
    Skipped,

    /// <summary>Failed; the manifest's stage record and the message say why. A new trigger resumes here.</summary>
    Failed,

    /// <summary>Not run because an earlier stage failed.</summary>
    Cancelled,
}
