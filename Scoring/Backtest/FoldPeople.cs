namespace BlindSpot.Scoring.Backtest;

/// <summary>
/// Everyone on at least one recipe's list in a fold, with which lists hold them (bit r = recipe r) and their outcomes
/// (1 positive, 0 negative, −1 unknown): what the paired bootstrap resamples. Immutable once built.
/// </summary>
internal sealed record FoldPeople(long[] Keys, ulong[] Member, sbyte[] Truth, sbyte[] Label, bool[] Audit)
{
    public int Count => Keys.Length;

    /// <summary>The outcome of person <paramref name="i"/> by <paramref name="metric"/> (−1 when unknown).</summary>
    public sbyte Outcome(BacktestMetric metric, int i) => metric switch
    {
        BacktestMetric.Truth => Truth[i],
        BacktestMetric.Labels => Label[i],
        _ => Audit[i] ? Label[i] : (sbyte)-1,
    };
}
