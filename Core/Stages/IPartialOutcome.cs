namespace BlindSpot.Core.Stages;

/// <summary>
/// An exception of a stage that failed after writing part of its outputs (ingest: the feeds that passed, when another
/// failed). The checkpoint records the stage as failed with these outputs and counts, so the next run can keep what is
/// still good (<see cref="StageRun.Previous"/>); a failed record is never a reason to skip.
/// </summary>
public interface IPartialOutcome
{
    /// <summary>What the stage wrote and counted before it failed; null when nothing.</summary>
    StageOutcome? Partial { get; }
}
