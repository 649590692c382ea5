using System.Globalization;
using BlindSpot.Core.Catalog;
using BlindSpot.Scoring.Backtest;

namespace BlindSpot.Cli.Commands;

/// <summary>The backtest as Markdown: one row per recipe (per-fold precision, means by truth, labels and audit), then each recipe against the first.</summary>
internal static class BacktestTable
{
    public static IEnumerable<string> Lines(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        foreach (var note in result.Notes)
        {
            yield return "note: " + note;
        }

        if (result.Folds.Count == 0)
        {
            yield break;
        }

        var primary = result.Primary;
        yield return string.Create(CultureInfo.InvariantCulture,
            $"{result.Variant.ToCode()}: {result.Folds.Count} fold(s), listed {string.Join(" / ", result.Folds.Select(f => $"{f.Test} {f.Scores[0].Listed:N0}"))}; primary metric: {GateDecision.Describe(primary)}");
        yield return $"| recipe | {string.Join(" | ", result.Folds.Select(f => f.Test.ToString()))} | mean, {primary.ToString().ToLowerInvariant()} | mean, labels | mean, audit (listed audited) | vs row 1: difference [95 %] | audit share to see it |";
        yield return "|---|" + string.Concat(result.Folds.Select(_ => "---:|")) + "---:|---:|---:|---:|---:|";
        for (var r = 0; r < result.Recipes.Count; r++)
        {
            var folds = string.Join(" | ", result.Folds.Select(f => F(f.Scores[r].Of(primary)?.Value)));
            var audited = result.Folds.Sum(f => f.Scores[r].Audit.Known);
            var comparison = r == 0 ? null : PairedBootstrap.Compare(result, primary, r, 0);
            var versus = r == 0 ? "—" : Versus(comparison);
            var share = comparison is null ? "—" : Share(AuditPower.RequiredShare(Math.Max(1, result.Folds.First().Scores[0].Listed), AuditPower.DiscordantPositives(result, primary, r, 0), comparison.Difference, result.Folds.Count));
            yield return string.Create(CultureInfo.InvariantCulture,
                $"| {result.Recipes[r].Name} | {folds} | {F(result.Mean(r, primary))} | {F(result.Mean(r, BacktestMetric.Labels))} | {F(result.Mean(r, BacktestMetric.Audit))} ({audited:N0}) | {versus} | {share} |");
        }
    }

    private static string Versus(PairedComparison? c) => c is null ? "n/a" : string.Create(CultureInfo.InvariantCulture,
        $"{c.Difference:+0.000;-0.000;0.000} [{c.Low:+0.000;-0.000;0.000}, {c.High:+0.000;-0.000;0.000}]{(c.WorseBeyondNoise ? " worse" : c.BetterBeyondNoise ? " better" : "")}, lower on {c.FoldsBelow}/{c.Folds}");

    private static string Share(double share) => double.IsInfinity(share) ? "∞" : share.ToString("P2", CultureInfo.InvariantCulture);

    private static string F(double? value) => value is { } v && !double.IsNaN(v) ? v.ToString("F3", CultureInfo.InvariantCulture) : "n/a";
}
