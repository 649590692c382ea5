namespace BlindSpot.Portal.Worklists;

/// <summary>What the officer pages show of one worklist entry: its id, variant (Korean), risk grade (상/중/하), rank, name and due date.</summary>
public sealed record WorklistRow(string WorklistId, string VariantName, string RiskBand, int SigunguRank, string Name, DateOnly OutcomeDue);
