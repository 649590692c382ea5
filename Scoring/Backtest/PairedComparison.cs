namespace BlindSpot.Scoring.Backtest;

/// <summary>
/// Recipe A against recipe B on the same folds by one metric: the mean over folds of each list's precision, the
/// difference A − B and its 95 % paired-bootstrap interval, and on how many folds A was below B. Immutable.
/// </summary>
public sealed record PairedComparison(BacktestMetric Metric, string A, string B, double ValueA, double ValueB, double Low, double High, int Folds, int Resamples)
{
    /// <summary>Folds on which A's precision was below B's: the interval covers the people of each quarter, not the quarters' own variation, so this is shown beside it.</summary>
    public int FoldsBelow { get; init; }

    public double Difference => ValueA - ValueB;

    /// <summary>A is worse than B beyond noise: the whole interval of A − B lies below zero.</summary>
    public bool WorseBeyondNoise => High < 0;

    /// <summary>A is better than B beyond noise: the whole interval lies above zero.</summary>
    public bool BetterBeyondNoise => Low > 0;
}
