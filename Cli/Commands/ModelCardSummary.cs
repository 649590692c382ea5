using System.Globalization;
using BlindSpot.Scoring.Metrics;
using BlindSpot.Scoring.Models;

namespace BlindSpot.Cli.Commands;

/// <summary>
/// What <c>models show</c> prints by default: the lines an analyst compares between models (data, metrics, settings,
/// provenance) in a screenful. The card itself, with its 140 feature names and input hashes, is <c>--json</c>.
/// </summary>
internal static class ModelCardSummary
{
    public static IReadOnlyList<string> Lines(ModelCard card, bool live, string cardPath)
    {
        ArgumentNullException.ThrowIfNull(card);
        var m = card.Metrics;
        var p = card.Parameters;
        return
        [
            Invariant($"{card.Variant}/{card.Version}{(live ? "  (live)" : "")}  trained {card.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z from commit {card.SourceCommit}"),
            Invariant($"  data:       train {card.TrainQuarters}: {card.TrainSet.Rows:N0} rows, {card.TrainSet.PositiveRate:P1} positive; valid {card.ValidQuarter}: {card.ValidSet.Rows:N0} rows, {card.ValidSet.PositiveRate:P1} positive"),
            Invariant($"  validation: {Metrics("model", m.Model)}; {Metrics("rule", m.Rule)}"),
            Invariant($"  audit rows: {Metrics("model", m.ModelAudit)}; {Metrics("rule", m.RuleAudit)}  (promote backtests against the live model; {m.PromotionMetric} {m.PromotionAuc:F4} only when no fold can be)"),
            Invariant($"  settings:   {p.Trees} trees × {p.Leaves} leaves, learning rate {p.LearningRate}, min leaf {p.MinExamplesPerLeaf}, seed {card.Seed}, {p.Threads} thread(s); ML.NET {card.MlNetVersion}"),
            Invariant($"  features:   {card.Features.Count} ({card.FeedFeatures.Count} from feeds), schema {card.SchemaHash[..Math.Min(12, card.SchemaHash.Length)]}"),
            Invariant($"  parity:     {(m.Fairness is { } f ? $"{f.Count(g => g.Flags.Count > 0):N0} of {f.Count:N0} groups outside 0.8–1.25 on the validation quarter's dispatched lists" : "n/a (no truth or no dispatch)")}"),
            $"  use:        {card.IntendedUse}",
            Invariant($"  limits:     {card.KnownLimits.Count} known limits and the selection bias are in the card"),
            $"  card:       {cardPath} (or add --json to print it whole)",
        ];
    }

    private static string Metrics(string name, BinaryMetrics? metrics) => metrics is null
        ? $"{name} n/a"
        : Invariant($"{name} AUC {metrics.Auc:F4}, PR-AUC {metrics.PrAuc:F4}, precision@{metrics.K:N0} {metrics.PrecisionAtK:F3}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
