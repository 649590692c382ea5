namespace BlindSpot.Dispatch.Outcomes;

/// <summary>
/// The verdict on one uploaded row: accepted, rejected with the field and the rule it broke, or not yet worked
/// (<see cref="Pending"/>: outcome and date both still empty, as in the downloaded template), which is neither.
/// </summary>
public sealed record OutcomeRowResult(long Line, bool Accepted, string? Field, string Message, string? WorklistId)
{
    /// <summary>The row has no outcome and no date yet: counted apart, never as a rejection.</summary>
    public bool Pending { get; init; }

    /// <summary>The report's status word: accepted, rejected or not-yet-worked.</summary>
    public string Status => Accepted ? "accepted" : Pending ? "not-yet-worked" : "rejected";
}
