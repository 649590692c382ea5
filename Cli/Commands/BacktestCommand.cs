using System.CommandLine;
using System.Globalization;
using BlindSpot.Core.Catalog;
using BlindSpot.Cli.Configuration;
using BlindSpot.Cli.Evaluation;
using BlindSpot.Dispatch;
using BlindSpot.Scoring.Backtest;
using BlindSpot.Scoring.Evaluation;
using BlindSpot.Scoring.Registry;
using BlindSpot.Scoring.Training;

namespace BlindSpot.Cli.Commands;

/// <summary>
/// <c>blindspot models backtest --variant V [--trees 100,200 --leaves 8,31 …]</c>: the temporal backtest of every recipe
/// of the grid (and, with <c>--live</c>, the live model's), one Markdown table row each, then each against the first
/// row with its paired interval. What <c>bench/train-search.sh</c> runs and <c>models promote</c> decides by.
/// </summary>
internal static class BacktestCommand
{
    public static Command Create(TextWriter output)
    {
        var variant = ModelOptions.Variant();
        var data = CommonOptions.Data();
        var models = ModelOptions.Models();
        var defaults = new TrainingOptions { Train = Core.Quarters.QuarterRange.Parse("2000Q1"), Valid = Core.Quarters.Quarter.Parse("2000Q2") };
        var folds = new Option<int>("--folds") { Description = "Test quarters (the newest labelled ones with an earlier one to train on).", DefaultValueFactory = _ => BacktestRunner.DefaultFolds }.InRange(1, 12);
        var trees = List<int>("--trees", "Boosted trees, comma-separated for a grid; default train's for the variant.");
        var leaves = List<int>("--leaves", "Leaves per tree, comma-separated; default train's.");
        var rates = List<double>("--learning-rate", "Shrinkage, comma-separated; default train's.");
        var minLeaf = List<int>("--min-leaf", "Smallest leaf (examples), comma-separated; default train's.");
        var seed = new Option<int>("--seed") { Description = "MLContext and FastTree seed of every recipe.", DefaultValueFactory = _ => defaults.Seed };
        var listed = new Option<string[]>("--recipe")
        {
            Description = "A recipe TREESxLEAVES@RATE/MINLEAF, e.g. 100x8@0.05/20; repeat for several. When given, the grid options are not used.",
            AllowMultipleArgumentsPerToken = true,
        };
        var live = new Option<bool>("--live") { Description = "Also backtest the live model's recipe, as the first row (every other row is compared with it)." };
        var command = new Command("backtest", "Temporal backtest of training recipes on the dispatched list: train up to each test quarter, dispatch it, measure.")
        {
            variant, data, models, folds, trees, leaves, rates, minLeaf, seed, listed, live,
        };
        command.SetAction(async (parse, ct) =>
        {
            var settings = CliSettings.Of(parse);
            var registry = new ModelRegistry(settings.ModelsFolder);
            var v = parse.GetValue(variant);
            var recipes = new List<BacktestRecipe>();
            if (parse.GetValue(live) && registry.Live(v) is { } pointer)
            {
                recipes.Add(BacktestRecipe.Of(registry.Card(v, pointer.Version)) with { Name = $"live {pointer.Version}" });
            }

            var given = parse.GetValue(listed) ?? [];
            foreach (var text in given)
            {
                var recipe = ParseRecipe(text, parse.GetValue(seed));
                BadArgumentsException.Check(recipe.Options(v, defaults.Train, defaults.Valid).Validate);
                recipes.Add(recipe);
            }

            var standard = TrainingDefaults.For(v);
            foreach (var t in given.Length > 0 ? [] : Or(parse.GetValue(trees), standard.Trees))
            {
                foreach (var l in Or(parse.GetValue(leaves), standard.Leaves))
                {
                    foreach (var r in Or(parse.GetValue(rates), standard.LearningRate))
                    {
                        foreach (var m in Or(parse.GetValue(minLeaf), standard.MinExamplesPerLeaf))
                        {
                            var options = new TrainingOptions { Variant = v, Train = defaults.Train, Valid = defaults.Valid, Trees = t, Leaves = l, LearningRate = r, MinExamplesPerLeaf = m, Seed = parse.GetValue(seed) };
                            BadArgumentsException.Check(options.Validate);
                            recipes.Add(BacktestRecipe.Of(options));
                        }
                    }
                }
            }

            var runner = new BacktestRunner(Simulation(parse), settings.Root.Pseudonymizer(allowSampleKey: true));
            var result = await runner.RunAsync(settings.DataRoot, registry, v, recipes, parse.GetValue(folds), new LineProgress(Console.Error), ct).ConfigureAwait(false);
            foreach (var line in BacktestTable.Lines(result))
            {
                output.WriteLine(line);
            }

            return result.Folds.Count > 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    /// <summary>Dispatch's selection as the backtest and the promotion gate use it: the one place these verbs build it.</summary>
    internal static IDispatchSimulation Simulation(ParseResult parse) => new DispatchSimulationAdapter(CliSettings.Of(parse).Dispatch(), FeedCatalog.LoadDefault());

    /// <summary>TREESxLEAVES@RATE/MINLEAF, e.g. 100x8@0.05/20.</summary>
    private static BacktestRecipe ParseRecipe(string text, int seed)
    {
        var parts = text.Split('x', '@', '/');
        if (parts.Length != 4 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var trees) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var leaves)
            || !double.TryParse(parts[2], CultureInfo.InvariantCulture, out var rate) || !int.TryParse(parts[3], CultureInfo.InvariantCulture, out var min))
        {
            throw new BadArgumentsException($"--recipe '{text}': write TREESxLEAVES@RATE/MINLEAF, e.g. 100x8@0.05/20.");
        }

        var defaults = new TrainingOptions { Train = Core.Quarters.QuarterRange.Parse("2000Q1"), Valid = Core.Quarters.Quarter.Parse("2000Q2"), Trees = trees, Leaves = leaves, LearningRate = rate, MinExamplesPerLeaf = min, Seed = seed };
        return BacktestRecipe.Of(defaults);
    }

    private static T[] Or<T>(T[]? values, T fallback) => values is { Length: > 0 } ? values : [fallback];

    private static Option<T[]> List<T>(string name, string description)
        where T : IParsable<T> => new(name)
        {
            Description = description,
            CustomParser = result =>
            {
                var values = new List<T>();
                foreach (var token in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
                {
                    if (!T.TryParse(token, CultureInfo.InvariantCulture, out var value))
                    {
                        result.AddError($"{name}: '{token}' is not a number.");
                        return [];
                    }

                    values.Add(value);
                }

                return [.. values];
            },
        };
}
