namespace BlindSpot.Scoring.Batch;

/// <summary>A person near the top of a part, with their features kept so reasons can be computed once the national top is known.</summary>
internal sealed record Candidate(long PersonKey, float Score, float[] Features);
