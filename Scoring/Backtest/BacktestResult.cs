using BlindSpot.Core.Catalog;

namespace BlindSpot.Scoring.Backtest;

/// <summary>The temporal backtest of one variant: its recipes, the folds (oldest test quarter first) and what was left out and why.</summary>
public sealed record BacktestResult(Variant Variant, IReadOnlyList<BacktestRecipe> Recipes, IReadOnlyList<BacktestFold> Folds, IReadOnlyList<string> Notes)
{
    /// <summary>The truth when every fold has it (simulated worlds), else the reported outcomes.</summary>
    public BacktestMetric Primary => Folds.Count > 0 && Folds.All(f => f.HasTruth) ? BacktestMetric.Truth : BacktestMetric.Labels;

    /// <summary>Mean over folds of recipe <paramref name="recipe"/>'s precision by <paramref name="metric"/> (NaN when no fold measures it).</summary>
    public double Mean(int recipe, BacktestMetric metric)
    {
        var values = Folds.Select(f => f.Scores[recipe].Of(metric)).Where(e => e is { Known: > 0 }).Select(e => e!.Value).ToList();
        return values.Count == 0 ? double.NaN : values.Average();
    }
}
