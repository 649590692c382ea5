using System.CommandLine;
using System.Globalization;
using BlindSpot.Cli.Configuration;
using BlindSpot.Cli.Evaluation;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch;
using BlindSpot.Scoring.Evaluation;
using BlindSpot.Scoring.Registry;

namespace BlindSpot.Cli.Commands;

/// <summary><c>blindspot evaluate --model V/version --quarter Q</c>: metrics, baselines, groups and truth, as JSON and one HTML page.</summary>
internal static class EvaluateCommand
{
    public static Command Create(TextWriter output)
    {
        var model = ModelOptions.ModelOption();
        var quarter = new Option<Quarter>("--quarter") { Description = "The quarter whose reported outcomes (and truth, if present) to evaluate on.", Required = true, CustomParser = CommonOptions.ParseQuarter };
        var data = CommonOptions.Data();
        var models = ModelOptions.Models();
        var catalog = CommonOptions.Catalog();
        var counterfactual = new Option<string?>("--counterfactual") { Description = "Data root of the counterfactual world (generated with the same seed and quarters and --intervention-effect 0): reports the people helped among those supported last quarter." };
        var band = new Option<double[]>("--parity-band")
        {
            Description = "Low,high: a group's parity ratio outside it is flagged (default 0.8,1.25, Aequitas').",
            DefaultValueFactory = _ => [0.8, 1.25],
            CustomParser = r => [.. r.Tokens.SelectMany(t => t.Value.Split(',')).Select(v => double.TryParse(v, CultureInfo.InvariantCulture, out var x) ? x : double.NaN)],
        };
        var command = new Command("evaluate", "Evaluate a model on a quarter: AUC, PR-AUC, precision/recall at k, calibration, lift, groups, truth, and every variant's simulated dispatch.")
        {
            model, quarter, data, models, catalog, counterfactual, band,
        };
        command.SetAction(async (parse, ct) =>
        {
            var (variant, version) = parse.GetValue(model);
            var root = CliSettings.Of(parse).DataRoot;
            var registry = new ModelRegistry(CliSettings.Of(parse).ModelsFolder);
            var counterfactualRoot = parse.GetValue(counterfactual) is { } path ? new DataRoot(path) : null;
            var feeds = CommonOptions.LoadCatalog(parse, catalog);
            var bandValues = parse.GetValue(band)!;
            var parity = new Scoring.Fairness.ParityOptions { Low = bandValues.ElementAtOrDefault(0), High = bandValues.ElementAtOrDefault(1) };
            BadArgumentsException.Check(() => { if (bandValues.Length != 2) { throw new ArgumentException("--parity-band takes two numbers, low,high, e.g. 0.8,1.25."); } parity.Validate(); });
            var job = new EvaluationJob(CliSettings.Of(parse).Root.Pseudonymizer(allowSampleKey: true), new DispatchSimulationAdapter(CliSettings.Of(parse).Dispatch(), feeds), feeds, counterfactualRoot, parity);
            var (report, folder) = await job.RunAsync(root, registry, variant, version, parse.GetValue(quarter), ct).ConfigureAwait(false);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{report.Model} on {report.Quarter}: AUC {report.All.Auc:F4} (rule {report.RuleAll?.Auc:F4}), PR-AUC {report.All.PrAuc:F4}, precision@{report.All.K} {report.All.PrecisionAtK:F3}, Brier {report.All.Brier:F4}; lift {report.LiftOverRule:F2}× rule, {report.LiftOverRandom:F2}× random"));
            if (report.Truth is { } truth)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  truth precision@{truth.K:N0}: model {truth.Model:F3}, rule {truth.Rule:F3}, oracle {truth.Oracle:F3} (model/rule {truth.ModelOverRule:F2}×)"));
            }

            if (report.Helped is { } helped)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  supported last quarter: {helped.Supported:N0} people, {helped.InCrisis:N0} in crisis now, {helped.NotInCrisis:N0} not"));
                if (helped.Counterfactual is { } c)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  people helped: {c.Helped:N0} [{c.HelpedLow:F1}, {c.HelpedHigh:F1}] (in crisis {c.InCrisisWithout:N0} in the counterfactual vs {c.InCrisisWithSupport:N0} with support, of {c.Matched:N0} matched; {c.Unmatched:N0} unmatched)"));
                }
            }

            foreach (var list in report.Dispatched ?? [])
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  dispatched {list.Variant,-13} {list.Method,-15} {list.Listed,7:N0} listed: precision {list.Precision:F3} [{list.PrecisionLow:F3}, {list.PrecisionHigh:F3}], recall {list.Recall:F3} [{list.RecallLow:F3}, {list.RecallHigh:F3}] of {list.EligibleInCrisis:N0}; {string.Join(", ", list.PrecisionAtK.Select(p => $"@{p.K:N0} {p.Precision:F3}"))}"));
            }

            if (report.AuditCalibration is { } audit)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {Scoring.Evaluation.ScoreText.Label} on the audit: mean {audit.MeanScore:F3}, observed supported {audit.ObservedRate:F3} [{audit.ObservedLow:F3}, {audit.ObservedHigh:F3}] of {audit.Rows:N0} audited{(audit.Meaningful ? "" : " (too few to judge)")}"));
            }

            if (report.Fairness is { } fairness)
            {
                var flagged = fairness.Where(g => g.Flags.Count > 0).ToList();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  parity on the dispatched lists: {flagged.Count:N0} of {fairness.Count:N0} groups outside [{parity.Low}, {parity.High}]{(flagged.Count == 0 ? "" : ": " + string.Join(", ", flagged.Take(12).Select(g => $"{g.Variant} {g.Dimension} {g.Group} ({string.Join("/", g.Flags)})")))}{(flagged.Count > 12 ? ", …" : "")}"));
            }

            output.WriteLine($"  flagged groups: {string.Join(", ", report.Groups.Where(g => g.Flagged).Select(g => $"{g.Dimension} {g.Group}").DefaultIfEmpty("none"))}");
            output.WriteLine($"  {Path.Combine(folder, "report.html")}");
            return ExitCodes.Success;
        });
        return command;
    }
}
