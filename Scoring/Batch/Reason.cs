namespace BlindSpot.Scoring.Batch;

/// <summary>One reason for a candidate: the feature, its value for the person, and its contribution in raw score space.</summary>
internal sealed record Reason(string Feature, float Value, double Contribution);
