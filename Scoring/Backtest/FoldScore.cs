namespace BlindSpot.Scoring.Backtest;

/// <summary>One recipe on one fold: the length of its simulated list and its precision by each outcome (truth null without one).</summary>
public sealed record FoldScore(string Recipe, int Listed, PrecisionEstimate? Truth, PrecisionEstimate Labels, PrecisionEstimate Audit)
{
    public PrecisionEstimate? Of(BacktestMetric metric) => metric switch
    {
        BacktestMetric.Truth => Truth,
        BacktestMetric.Labels => Labels,
        _ => Audit,
    };
}
