using System.CommandLine;
using System.Globalization;
using BlindSpot.Cli.Configuration;
using BlindSpot.Core.Paths;
using BlindSpot.Scoring.Batch;
using BlindSpot.Scoring.Registry;

namespace BlindSpot.Cli.Commands;

/// <summary><c>blindspot score &lt;quarter&gt;</c>: scores every variant that has a live model and writes scores/&lt;Q&gt;/&lt;variant&gt;.parquet.</summary>
internal static class ScoreCommand
{
    public static Command Create(TextWriter output)
    {
        var quarter = CommonOptions.QuarterArgument();
        var data = CommonOptions.Data();
        var models = ModelOptions.Models();
        var defaults = new ScoreOptions();
        var margin = new Option<double>("--margin") { Description = "Candidates with reasons = quota × margin (1–10).", DefaultValueFactory = _ => defaults.Margin };
        var workers = new Option<int>("--workers") { Description = "Part files scored at once (1–64); default every core.", DefaultValueFactory = _ => defaults.Workers };
        var command = new Command("score", "Score every variant with a live model over its eligible people, with ranks and reasons for the top candidates.")
        {
            quarter, data, models, margin, workers,
        };
        command.SetAction(async (parse, ct) =>
        {
            var root = CliSettings.Of(parse).DataRoot;
            var registry = new ModelRegistry(CliSettings.Of(parse).ModelsFolder);
            var options = new ScoreOptions { Margin = parse.GetValue(margin), Workers = parse.GetValue(workers) };
            BadArgumentsException.Check(options.Validate);
            var q = parse.GetValue(quarter);
            if ((await StageVerb.RunAsync(new ScoreStage(registry, options, TimeProvider.System), root, q, output, ct).ConfigureAwait(false)).Outcome?.Detail is not ScoreResult result)
            {
                return ExitCodes.Success;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"score {q}: {result.Variants.Sum(v => v.Rows):N0} scores in {result.Elapsed.TotalSeconds:F1} s"));
            foreach (var variant in result.Variants)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {variant.Path}: {variant.Rows:N0} people, {variant.Candidates:N0} with reasons, model {variant.ModelVersion}"));
            }

            output.WriteLine("  phases: " + string.Join(", ", result.Phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.Elapsed.TotalSeconds:F1} s"))));
            foreach (var variant in result.WithoutLiveModel)
            {
                output.WriteLine($"  {variant.ToString().ToLowerInvariant()}: no live model, not scored");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
