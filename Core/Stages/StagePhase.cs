namespace BlindSpot.Core.Stages;

/// <summary>One phase of a stage and its wall time (<see cref="PhaseClock"/>). Immutable.</summary>
public sealed record StagePhase(string Name, TimeSpan Elapsed);
