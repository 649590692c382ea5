namespace BlindSpot.Dispatch.Outcomes;

/// <summary>The verdict on one uploaded row: accepted, or rejected with the field and the rule it broke.</summary>
public sealed record OutcomeRowResult(long Line, bool Accepted, string? Field, string Message, string? WorklistId);
