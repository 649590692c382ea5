using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Scoring.Data;
using BlindSpot.Scoring.Evaluation;
using BlindSpot.Scoring.Models;
using BlindSpot.Scoring.Registry;
using BlindSpot.Scoring.Training;
using Microsoft.ML;

namespace BlindSpot.Scoring.Backtest;

/// <summary>
/// The temporal backtest ("timechop"): for each of the last N quarters t that have reported outcomes and at least one
/// labelled quarter before them, every recipe is fitted on the labels of the quarters up to t − 1 and ranks t's eligible
/// people; the ranking goes through Dispatch's selection (<paramref name="simulation"/>, with the live models ranking
/// the other variants, the same for every recipe) and the variant's list — at the dispatch k, one entry per household,
/// after the exclusions and the cross-variant priority — is measured against t's truth (when the world is simulated),
/// all of t's labels and t's audit labels. Nothing of t is seen in training.
/// </summary>
public sealed class BacktestRunner(IDispatchSimulation simulation, Pseudonymizer truthKeys)
{
    /// <summary>Default folds: the last three labelled quarters that have an earlier one to train on.</summary>
    public const int DefaultFolds = 3;

    public async Task<BacktestResult> RunAsync(DataRoot root, ModelRegistry? registry, Variant variant, IReadOnlyList<BacktestRecipe> recipes, int folds,
        IProgress<string>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(recipes);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 1);
        if (recipes.Count is 0 or > 64)
        {
            throw new ArgumentException($"A backtest takes 1–64 recipes; it was given {recipes.Count}.", nameof(recipes));
        }

        var notes = new List<string>();
        var result = new List<BacktestFold>();
        foreach (var (test, train) in Folds(root, folds))
        {
            var fold = await FoldAsync(root, registry, variant, recipes, test, train, notes, progress, ct).ConfigureAwait(false);
            if (fold is not null)
            {
                result.Add(fold);
            }
        }

        if (result.Count == 0)
        {
            notes.Add("no fold: the backtest needs reported outcomes for at least two consecutive quarters with features");
        }

        return new BacktestResult(variant, recipes, result, notes);
    }

    /// <summary>The last <paramref name="count"/> labelled quarters with an unbroken run of labelled quarters before them, oldest first.</summary>
    internal static IReadOnlyList<(Quarter Test, QuarterRange Train)> Folds(DataRoot root, int count)
    {
        var folder = Path.GetDirectoryName(root.Labels(new Quarter(2000, 1)))!;
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var labelled = Directory.GetFiles(folder, "*.parquet")
            .Select(f => Quarter.TryParse(Path.GetFileNameWithoutExtension(f), null, out var q) ? q : (Quarter?)null)
            .OfType<Quarter>().Where(q => File.Exists(Path.Combine(root.FeaturesFolder(q), FeatureBuild.ManifestFileName))).ToHashSet();
        var folds = new List<(Quarter, QuarterRange)>();
        foreach (var test in labelled.OrderDescending())
        {
            var first = test.Previous;
            if (!labelled.Contains(first))
            {
                continue;
            }

            while (labelled.Contains(first.Previous))
            {
                first = first.Previous;
            }

            folds.Add((test, new QuarterRange(first, test.Previous)));
            if (folds.Count == count)
            {
                break;
            }
        }

        folds.Reverse();
        return folds;
    }

    private async Task<BacktestFold?> FoldAsync(DataRoot root, ModelRegistry? registry, Variant variant, IReadOnlyList<BacktestRecipe> recipes, Quarter test, QuarterRange train,
        List<string> notes, IProgress<string>? progress, CancellationToken ct)
    {
        var names = FeatureBuild.Load(root, test).Names;
        var schema = FeatureBuild.Load(root, test).SchemaHash;
        if (train.Any(q => FeatureBuild.Load(root, q).SchemaHash != schema))
        {
            notes.Add($"fold {test} skipped: the features of {train} have another schema than {test}'s; rebuild them with one catalog");
            return null;
        }

        var set = await LabelledSetBuilder.BuildAsync(root, train, variant, names, ct).ConfigureAwait(false);
        if (set.Positives == 0 || set.Positives == set.Rows)
        {
            notes.Add($"fold {test} skipped: the labels of {train} hold {set.Rows} rows and {set.Positives} positives");
            return null;
        }

        var ensembles = new List<TreeEnsemble>();
        foreach (var recipe in recipes)
        {
            ct.ThrowIfCancellationRequested();
            progress?.Report($"fold {test}: training {recipe.Name} on {train} ({set.Rows:N0} rows)");
            var ml = new MLContext(seed: recipe.Seed);
            ensembles.Add(TreeEnsemble.From(FastTreeFitter.Fit(ml, set, recipe.Options(variant, train, test), out _)));
        }

        var others = Others(registry, variant, names, test, notes);
        progress?.Report($"fold {test}: ranking and selecting");
        var rankings = await FoldRankings.BuildAsync(root, test, variant, ensembles, others, names, ct).ConfigureAwait(false);
        var selections = await simulation.SelectAsync(root, test, rankings, ct).ConfigureAwait(false);
        var lists = selections.Select(s => s.TryGetValue(variant, out var l) ? l : []).ToList();
        var truthPath = root.Truth(test);
        var truth = File.Exists(truthPath) ? await TruthReader.ReadAsync(truthPath, variant, truthKeys, ct).ConfigureAwait(false) : null;
        var labels = await LabelReader.ReadAsync(root, test, variant, ct).ConfigureAwait(false);
        var (people, scores) = FoldOutcomes.Measure(recipes, lists, truth, labels);
        return new BacktestFold(test, train.ToString(), set.Rows, set.Positives, scores) { People = people };
    }

    /// <summary>The live models of the other variants that read the same features; a variant without one is not dispatched here.</summary>
    private static Dictionary<Variant, TreeEnsemble> Others(ModelRegistry? registry, Variant variant, IReadOnlyList<string> names, Quarter test, List<string> notes)
    {
        var others = new Dictionary<Variant, TreeEnsemble>();
        foreach (var other in VariantNames.All.Where(v => v != variant))
        {
            var live = registry?.LoadLive(other);
            if (live is not null && live.Card.Features.SequenceEqual(names))
            {
                others[other] = live.Ensemble;
            }
            else
            {
                notes.Add($"fold {test}: no live {other.ToCode()} model on these features, so that list takes nobody before this variant's");
            }
        }

        return others;
    }
}
