using System.CommandLine;
using System.Globalization;
using System.Text;
using BlindSpot.Cli.Configuration;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Scoring.Backtest;
using BlindSpot.Scoring.Data;
using BlindSpot.Scoring.Models;
using BlindSpot.Scoring.Registry;

namespace BlindSpot.Cli.Commands;

/// <summary><c>blindspot models list|show|promote|diff</c>: the registry of trained models and which one is live per variant.</summary>
internal static class ModelsCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("models", "List, inspect, compare and promote trained models.");
        command.Subcommands.Add(List(output));
        command.Subcommands.Add(Show(output));
        command.Subcommands.Add(Promote(output));
        command.Subcommands.Add(Diff(output));
        command.Subcommands.Add(BacktestCommand.Create(output));
        return command;
    }

    private static ModelRegistry Registry(ParseResult parse, Option<DirectoryInfo> data, Option<DirectoryInfo?> models) =>
        new(CliSettings.Of(parse).ModelsFolder);

    private static Command List(TextWriter output)
    {
        var data = CommonOptions.Data();
        var models = ModelOptions.Models();
        var variant = new Option<Variant?>("--variant") { Description = "Only this variant.", HelpName = ModelOptions.VariantHelpName, CustomParser = r => ModelOptions.ParseVariant(r) };
        var command = new Command("list", "Every trained model, oldest first; * marks the live one.") { variant, data, models };
        command.SetAction(parse =>
        {
            var registry = Registry(parse, data, models);
            var live = VariantNames.All.ToDictionary(v => v.ToCode(), v => registry.Live(v)?.Version);
            foreach (var card in registry.List(parse.GetValue(variant)))
            {
                var mark = live[card.Variant] == card.Version ? "*" : " ";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{mark} {card.Variant}/{card.Version}  {card.CreatedAt:yyyy-MM-dd HH:mm}Z  train {card.TrainQuarters} valid {card.ValidQuarter}  AUC {card.Metrics.Model.Auc:F4}  audit AUC {card.Metrics.ModelAudit?.Auc:F4}  schema {card.SchemaHash[..12]}"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(TextWriter output)
    {
        var data = CommonOptions.Data();
        var models = ModelOptions.Models();
        var model = ModelOptions.ModelArgument();
        var json = new Option<bool>("--json") { Description = "Print the whole model card as JSON (features, input hashes, limits) instead of the summary." };
        var command = new Command("show", "A model's card in short: data, metrics, settings, provenance; --json for all of it.") { model, data, models, json };
        command.SetAction(parse =>
        {
            var (variant, version) = parse.GetValue(model);
            var registry = Registry(parse, data, models);
            var card = registry.Card(variant, version);
            if (parse.GetValue(json))
            {
                output.WriteLine(Encoding.UTF8.GetString(card.ToUtf8Json()));
                return ExitCodes.Success;
            }

            var cardPath = Path.Combine(registry.VersionFolder(variant, version), ModelCard.FileName);
            foreach (var line in ModelCardSummary.Lines(card, registry.Live(variant)?.Version == version, cardPath))
            {
                output.WriteLine(line);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Promote(TextWriter output)
    {
        var data = CommonOptions.Data();
        var models = ModelOptions.Models();
        var model = ModelOptions.ModelArgument();
        var quarter = new Option<Quarter?>("--features") { Description = "The features build to check the schema against; default the newest quarter under <data>/features.", CustomParser = r => CommonOptions.ParseQuarter(r) };
        var force = new Option<bool>("--force") { Description = "Promote despite a schema mismatch or a candidate worse beyond noise (never despite a tampered model.zip); what was overridden is recorded in live.json." };
        var folds = new Option<int>("--folds") { Description = "Backtest folds the gate compares candidate and live on.", DefaultValueFactory = _ => BacktestRunner.DefaultFolds }.InRange(1, 12);
        var command = new Command("promote", "Make a model live for its variant, after checking its schema and backtesting it against the live model on the dispatched list.") { model, data, models, quarter, force, folds };
        command.SetAction(async (parse, ct) =>
        {
            var (variant, version) = parse.GetValue(model);
            var settings = CliSettings.Of(parse);
            var root = settings.DataRoot;
            var build = parse.GetValue(quarter) is { } q ? FeatureBuild.Load(root, q) : FeatureBuild.Latest(root);
            var registry = Registry(parse, data, models);
            var runner = new BacktestRunner(BacktestCommand.Simulation(parse), settings.Root.Pseudonymizer(allowSampleKey: true));
            var (gate, why, sameRecipe) = await PromotionGate.DecideAsync(runner, root, registry, variant, version, parse.GetValue(folds), new LineProgress(Console.Error), ct).ConfigureAwait(false);
            output.WriteLine(gate is not null ? "gate: " + gate.Text : sameRecipe ? $"gate: nothing to compare ({why})" : $"gate: no backtest ({why}); the cards' validation metric decides");
            var pointer = registry.Promote(variant, version, build.SchemaHash, parse.GetValue(force), TimeProvider.System, gate, compareCards: !sameRecipe);
            output.WriteLine($"{variant.ToCode()}/{pointer.Version} is live ({(pointer.Forced ? pointer.Note : "checks passed")}; schema checked against features {build.Quarter})");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Diff(TextWriter output)
    {
        var data = CommonOptions.Data();
        var models = ModelOptions.Models();
        var first = ModelOptions.ModelArgument("first");
        var second = ModelOptions.ModelArgument("second");
        var command = new Command("diff", "What differs between two models' cards.") { first, second, data, models };
        command.SetAction(parse =>
        {
            var registry = Registry(parse, data, models);
            var (va, a) = parse.GetValue(first);
            var (vb, b) = parse.GetValue(second);
            var lines = ModelDiff.Lines(registry.Card(va, a), registry.Card(vb, b));
            foreach (var line in lines.DefaultIfEmpty("no differences in the compared fields"))
            {
                output.WriteLine(line);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
