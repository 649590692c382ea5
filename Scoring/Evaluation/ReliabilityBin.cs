namespace BlindSpot.Scoring.Evaluation;

/// <summary>One row of the reliability table: predictions in [From, To), how many, their mean, and how often they were positive.</summary>
public sealed record ReliabilityBin(double From, double To, int Rows, double MeanPredicted, double ObservedRate);
