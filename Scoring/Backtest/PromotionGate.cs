using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Scoring.Registry;

namespace BlindSpot.Scoring.Backtest;

/// <summary>
/// The promotion gate: the candidate's recipe and the live model's recipe refitted on the same backtest folds and
/// compared on the dispatched list (<see cref="BacktestRunner"/>, <see cref="PairedBootstrap"/>). The candidate is
/// refused when it is worse beyond noise; a difference inside the interval is not held against it.
/// </summary>
public static class PromotionGate
{
    /// <summary>
    /// The decision, or null with the reason when there is nothing to compare: no live model, the candidate is live or has
    /// the live model's recipe (<c>SameRecipe</c>: the backtest would refit the same model, so there is nothing to hold
    /// against it), or no fold has labels to train and test on (then the cards' validation metric is all there is).
    /// </summary>
    public static async Task<(GateDecision? Decision, string? Why, bool SameRecipe)> DecideAsync(BacktestRunner runner, DataRoot root, ModelRegistry registry, Variant variant, string version,
        int folds, IProgress<string>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(registry);
        var live = registry.Live(variant);
        if (live is null || live.Version == version)
        {
            return (null, live is null ? "no live model to compare with" : "the candidate is the live model", false);
        }

        var candidate = BacktestRecipe.Of(registry.Card(variant, version));
        var current = BacktestRecipe.Of(registry.Card(variant, live.Version));
        if (candidate.SameSettings(current))
        {
            return (null, "the candidate and the live model have the same settings and seed, so the backtest would refit the same model", true);
        }

        var result = await runner.RunAsync(root, registry, variant, [candidate, current], folds, progress, ct).ConfigureAwait(false);
        var comparison = PairedBootstrap.Compare(result, result.Primary, 0, 1);
        if (comparison is null)
        {
            return (null, string.Join("; ", result.Notes.DefaultIfEmpty("no fold measured both lists")), false);
        }

        var listed = (int)Math.Round(result.Folds.Average(f => f.Scores[0].Listed));
        var quarters = string.Join(",", result.Folds.Select(f => f.Test.ToString()));
        var needed = AuditPower.RequiredShare(Math.Max(listed, 1), AuditPower.DiscordantPositives(result, result.Primary, 0, 1), comparison.Difference, result.Folds.Count);
        return (new GateDecision(comparison, PairedBootstrap.Compare(result, BacktestMetric.Audit, 0, 1), listed, quarters, needed), null, false);
    }
}
