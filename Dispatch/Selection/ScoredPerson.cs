namespace BlindSpot.Dispatch.Selection;

/// <summary>One row of a variant's scores that dispatch reads: who, how risky, and the file row to fetch reasons from.</summary>
internal readonly record struct ScoredPerson(long PersonKey, float Score, int NationalRank, int Row);
