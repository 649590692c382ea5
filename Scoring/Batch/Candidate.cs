namespace BlindSpot.Scoring.Batch;

/// <summary>
/// A person near the top of a part, with the features their variant's trees read (in <c>TreeEnsemble.UsedFeatures</c>
/// order) kept so reasons can be computed once the national top is known, without reading the part again.
/// </summary>
internal sealed record Candidate(long PersonKey, float Score, float[] Features);
