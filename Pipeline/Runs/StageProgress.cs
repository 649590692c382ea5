using BlindSpot.Core.Runs;

namespace BlindSpot.Pipeline.Runs;

/// <summary>A change of one stage's status in a followed run, with the stage's manifest record once it has one.</summary>
public sealed record StageProgress(string Stage, StageStatus Status, StageRecord? Record, string? Message);
