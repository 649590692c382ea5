namespace BlindSpot.Scoring.Evaluation;

/// <summary>
/// The model's quality within one group (a 시도, an age band, a sex) of the labelled validation rows. Flagged when the
/// group's AUC is more than <see cref="EvaluationJob.GapTolerance"/> below the overall AUC; null AUC when the group has too
/// few of either outcome to judge.
/// </summary>
public sealed record GroupMetrics(string Dimension, string Group, int Rows, int Positives, double? Auc, double? RuleAuc, double PrecisionAtK, bool Flagged);
