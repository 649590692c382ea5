namespace BlindSpot.Portal.Worklists;

/// <summary>What the officer pages show of one worklist entry: its id, variant (Korean), rank, name and due date.</summary>
public sealed record WorklistRow(string WorklistId, string VariantName, int SigunguRank, string Name, DateOnly OutcomeDue);
