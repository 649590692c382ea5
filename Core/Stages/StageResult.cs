using BlindSpot.Core.Runs;

namespace BlindSpot.Core.Stages;

/// <summary>
/// What the checkpoint did with a stage: ran it (<see cref="Outcome"/> is the stage's own) or skipped it, the record now
/// in the run manifest (the earlier one when skipped), and why. Immutable.
/// </summary>
public sealed record StageResult(bool Ran, StageRecord Record, string Reason, StageOutcome? Outcome);
