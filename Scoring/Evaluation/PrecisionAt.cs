namespace BlindSpot.Scoring.Evaluation;

/// <summary>Share truly in crisis among the first <paramref name="K"/> entries of a dispatched list, with its 95 % Wilson interval.</summary>
public sealed record PrecisionAt(int K, int InCrisis, double Precision, double Low, double High);
