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
        var people = new Option<int>("--people") { Description = "Resident people each quarter (1–20,000,000).", Required = true };
        var quarters = new Option<QuarterRange?>("--quarters") { Description = "Quarters to deliver, e.g. 2025Q3..2026Q3; the last gets no dispatches.", Required = true, CustomParser = CommonOptions.ParseRange };
        var seed = new Option<ulong>("--seed") { Description = "Seed of every random draw; same seed, same bytes.", Required = true };
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Folder to write into (a data root).", Required = true };
        var gzip = new Option<bool>("--gzip") { Description = "Write raw/ and identity/ CSVs as deterministic .csv.gz." };
        var catalogOption = CommonOptions.Catalog();
        var command = new Command("generate", "Generate a synthetic population with raw deliveries, identity vault, past dispatches, outcomes and truth.")
        {
            people, quarters, seed, outDir, gzip, catalogOption,
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
}
