using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Regions;
using BlindSpot.Simulation;

namespace BlindSpot.Cli.Commands;

/// <summary>
/// <c>blindspot generate</c>: make a synthetic population and its quarterly deliveries, identity vault, past
/// dispatches, outcomes and hidden truth. Prints a short summary and the elapsed time (which simulation.json never holds).
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(TextWriter output)
    {
        var people = new Option<int>("--people") { Description = "Resident people each quarter (1–60,000,000).", Required = true };
        var quarters = new Option<QuarterRange?>("--quarters") { Description = "Quarters to deliver, e.g. 2025Q3..2026Q3; the last gets no dispatches.", Required = true, CustomParser = CommonOptions.ParseRange };
        var seed = new Option<ulong>("--seed") { Description = "Seed of every random draw; same seed, same bytes.", Required = true };
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Folder to write into (a data root).", Required = true };
        var gzip = new Option<bool>("--gzip") { Description = "Write raw/ and identity/ CSVs as deterministic .csv.gz." };
        var effect = new Option<double?>("--intervention-effect") { Description = "How strongly support lowers a household's later severities (default 1; 0 = the counterfactual run: same seed, support changes nothing; 0–2)." };
        var gaps = new Option<string[]>("--coverage-gap") { Description = "A coverage gap GROUP[/SOURCE]=COVERAGE (e.g. sido:46/REB=0.5, age:65-/KCIS=0.6); repeat for more; replaces the defaults; 'none' for no gaps.", AllowMultipleArgumentsPerToken = false };
        var audit = new Option<double?>("--audit-share") { Description = "Random audit visits per variant, as a share of its eligible units, on top of the rule (default 0.001; 0–0.05). docs/SCORING.md, \"Audit size\", gives the share needed to compare two models." };
        var catalogOption = CommonOptions.Catalog();
        var command = new Command("generate", "Generate a synthetic population with raw deliveries, identity vault, past dispatches, outcomes and truth.")
        {
            people, quarters, seed, outDir, gzip, effect, audit, gaps, catalogOption,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new SimulationOptions
            {
                People = parse.GetValue(people),
                Quarters = parse.GetValue(quarters),
                Seed = parse.GetValue(seed),
                Gzip = parse.GetValue(gzip),
            };
            options.InterventionEffect = parse.GetValue(effect) ?? options.InterventionEffect;
            options.AuditShare = parse.GetValue(audit) ?? options.AuditShare;
            BadArgumentsException.Check(() => SetGaps(options, parse.GetValue(gaps)));
            BadArgumentsException.Check(options.Validate);
            var catalog = CommonOptions.LoadCatalog(parse, catalogOption);
            var started = Stopwatch.GetTimestamp();
            var root = new DataRoot(parse.GetValue(outDir)!.FullName);
            var report = await new PopulationSimulator(catalog, RegionRegistry.LoadDefault()).RunAsync(options, root, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            foreach (var q in report.Quarters)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{q.Quarter}: {q.RosterRows:N0} roster rows, {q.Households:N0} households, {q.Records:N0} records ({q.RecordsPerPerson:0.00}/person), {q.RowsWritten - q.Records:N0} dirt rows, {q.Dispatches.Sum(d => d.Rule + d.Audit):N0} dispatches"));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {report.RowsWritten:N0} feed rows over {report.Quarters.Count} quarter(s) to {root.Path} in {elapsed.TotalSeconds:0.0} s (seed {options.Seed})"));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Replaces the default coverage gaps with the given ones ('none' alone: no gaps); nothing given keeps the defaults.</summary>
    private static void SetGaps(SimulationOptions options, string[]? gaps)
    {
        if (gaps is null || gaps.Length == 0)
        {
            return;
        }

        options.CoverageGaps.Clear();
        foreach (var gap in gaps.Where(g => g != "none"))
        {
            try
            {
                options.CoverageGaps.Add(CoverageGap.Parse(gap));
            }
            catch (FormatException e)
            {
                throw new ArgumentException(e.Message, e);
            }
        }
    }
}
