namespace BlindSpot.Pipeline.Runs;

/// <summary>How a followed run ended: every stage done, or the stage that failed and why.</summary>
public sealed record RunOutcome(RunTicket Ticket, bool Succeeded, string? FailedStage, string? Error);
