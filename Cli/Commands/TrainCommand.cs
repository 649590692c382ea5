using System.CommandLine;
using System.Globalization;
using BlindSpot.Cli.Configuration;
using BlindSpot.Cli.Evaluation;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch;
using BlindSpot.Scoring.Training;

namespace BlindSpot.Cli.Commands;

/// <summary><c>blindspot train --variant V --train Q1..Q2 --valid Q</c>: trains one FastTree model and writes it with its card.</summary>
internal static class TrainCommand
{
    public static Command Create(TextWriter output)
    {
        var variant = ModelOptions.Variant();
        var train = new Option<QuarterRange?>("--train") { Description = "Quarters whose labels train the model, e.g. 2025Q3..2026Q1.", Required = true, CustomParser = CommonOptions.ParseRange };
        var valid = new Option<Quarter>("--valid") { Description = "A later quarter to validate on, e.g. 2026Q2.", Required = true, CustomParser = CommonOptions.ParseQuarter };
        var data = CommonOptions.Data();
        var models = ModelOptions.Models();
        var catalog = CommonOptions.Catalog();
        var defaults = new TrainingOptions { Train = QuarterRange.Parse("2000Q1"), Valid = Quarter.Parse("2000Q2") };
        var trees = new Option<int?>("--trees") { Description = "Boosted trees (1–5,000); default the variant's searched best (household 100, child 100, lonely_death 100; docs/SCORING.md)." };
        var leaves = new Option<int?>("--leaves") { Description = "Leaves per tree (2–1,024); default the variant's (8, 8, 8)." };
        var rate = new Option<double?>("--learning-rate") { Description = "Shrinkage (0–1]; default the variant's (0.05, 0.025, 0.025)." };
        var minLeaf = new Option<int?>("--min-leaf") { Description = "Smallest leaf, in examples (1–100,000); default the variant's (200, 20, 200)." };
        var seed = new Option<int>("--seed") { Description = "MLContext and FastTree seed; same data + seed → same model bytes.", DefaultValueFactory = _ => defaults.Seed };
        var threads = new Option<int>("--threads") { Description = "FastTree threads; 1 (the default) is the tested deterministic setting.", DefaultValueFactory = _ => defaults.Threads };
        var command = new Command("train", "Train a variant's FastTree model on reported outcomes and write model.zip with its model card (with the simulated dispatch when the truth is there).")
        {
            variant, train, valid, data, models, trees, leaves, rate, minLeaf, seed, threads, catalog,
        };
        command.SetAction(async (parse, ct) =>
        {
            var root = CliSettings.Of(parse).DataRoot;
            var options = new TrainingOptions
            {
                Variant = parse.GetValue(variant),
                Train = parse.GetValue(train)!,
                Valid = parse.GetValue(valid),
                Seed = parse.GetValue(seed),
                Threads = parse.GetValue(threads),
            };
            options.Trees = parse.GetValue(trees) ?? options.Trees;
            options.Leaves = parse.GetValue(leaves) ?? options.Leaves;
            options.LearningRate = parse.GetValue(rate) ?? options.LearningRate;
            options.MinExamplesPerLeaf = parse.GetValue(minLeaf) ?? options.MinExamplesPerLeaf;
            BadArgumentsException.Check(options.Validate);
            var folder = CliSettings.Of(parse).ModelsFolder;
            var feeds = CommonOptions.LoadCatalog(parse, catalog);
            var result = await new TrainingJob(TimeProvider.System, new DispatchSimulationAdapter(CliSettings.Of(parse).Dispatch(), feeds), feeds, CliSettings.Of(parse).Root.Pseudonymizer(allowSampleKey: true)).RunAsync(root, folder, options, SourceCommit.Find(), ct).ConfigureAwait(false);
            var card = result.Card;
            var m = card.Metrics;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"trained {card.Variant}/{card.Version}: {card.TrainSet.Rows:N0} train rows ({card.TrainSet.PositiveRate:P1} positive, {card.TrainSet.NoLabelExcluded:N0} without a label excluded, {card.TrainSet.UnreachableExcluded:N0} of them unreachable), {card.ValidSet.Rows:N0} valid rows, {result.Elapsed.TotalSeconds:F1} s"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  valid AUC {m.Model.Auc:F4} (rule {m.Rule?.Auc:F4}), PR-AUC {m.Model.PrAuc:F4}, precision@{m.Model.K} {m.Model.PrecisionAtK:F3}; audit AUC {m.ModelAudit?.Auc:F4} (rule {m.RuleAudit?.Auc:F4})"));
            foreach (var list in m.Dispatched?.Where(l => l.Method == Scoring.Evaluation.RankingMethod.Model) ?? [])
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  dispatched {list.Variant,-13} {list.Listed,7:N0} listed: precision {list.Precision:F3} [{list.PrecisionLow:F3}, {list.PrecisionHigh:F3}], recall {list.Recall:F3}"));
            }

            if (result.NotDispatched is { } why)
            {
                output.WriteLine($"  dispatched lists not measured: {why}");
            }

            output.WriteLine($"  {result.Folder}");
            return ExitCodes.Success;
        });
        return command;
    }
}
