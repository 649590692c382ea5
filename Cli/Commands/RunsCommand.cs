using System.CommandLine;
using System.Globalization;
using BlindSpot.Cli.Configuration;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Runs;
using BlindSpot.Pipeline;
using BlindSpot.Pipeline.Stages;

namespace BlindSpot.Cli.Commands;

/// <summary><c>blindspot runs list|show &lt;quarter&gt;</c>: the quarters' runs as their manifests record them.</summary>
internal static class RunsCommand
{
    public static Command Create(TextWriter output)
    {
        var data = CommonOptions.Data();
        var list = new Command("list", "One line per quarter run: each stage's state; then the quarters only ingested (e.g. as a later run's previous quarter).") { data };
        list.SetAction(parse =>
        {
            var root = CliSettings.Of(parse).DataRoot;
            var folder = Path.Combine(root.Path, "runs");
            var manifests = Directory.Exists(folder)
                ? Directory.GetDirectories(folder).Select(Path.GetFileName).Where(n => Quarter.TryParse(n, null, out _)).Select(n => Quarter.Parse(n!)).Order()
                    .Select(q => RunManifest.Load(root, q)).Where(m => m.Stages.Count > 0).ToList()
                : [];
            if (manifests.Count == 0)
            {
                // The quick start runs on a copy of the sample under data/sample, not on the default ./data.
                var sample = Path.Combine(root.Path, "sample");
                output.WriteLine(Directory.Exists(Path.Combine(sample, "runs"))
                    ? $"No runs under {folder}; the quick start's are under {sample}: add --data {sample}."
                    : $"No runs under {folder}.");
                return ExitCodes.Success;
            }

            // A later run ingests its previous quarter for the change features; that quarter was prepared, never run.
            var (runs, ingestedOnly) = (manifests.Where(m => !IngestOnly(m)).ToList(), manifests.Where(IngestOnly).ToList());
            foreach (var manifest in runs)
            {
                var stages = PipelineStages.Order.Select(s => $"{s} {manifest.Find(s)?.State.ToString().ToLowerInvariant() ?? "-"}");
                var last = manifest.Stages.Values.Max(r => r.FinishedAt);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{manifest.Quarter}  {string.Join(", ", stages)}  last finished {last?.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z"));
            }

            if (ingestedOnly.Count > 0)
            {
                output.WriteLine($"{(runs.Count > 0 ? "\n" : "")}Ingested only, never run (a later run's previous quarter, or 'blindspot ingest'):");
                foreach (var manifest in ingestedOnly)
                {
                    var ingest = manifest.Find(PipelineStages.Ingest)!;
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{manifest.Quarter}  ingest {ingest.State.ToString().ToLowerInvariant()}  finished {ingest.FinishedAt?.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z"));
                }
            }

            return ExitCodes.Success;
        });

        var quarter = CommonOptions.QuarterArgument();
        var show = new Command("show", "Each stage of a quarter's run: state, start, duration, row counts, error.") { quarter, data };
        show.SetAction(parse =>
        {
            var root = CliSettings.Of(parse).DataRoot;
            var q = parse.GetValue(quarter);
            if (!File.Exists(root.RunManifest(q)))
            {
                throw new FileNotFoundException($"No run of {q} under {root.Path}: {root.RunManifest(q)} does not exist.");
            }

            PrintStages(root, q, output);
            var report = ReportStage.ReportPath(root, q);
            output.WriteLine(File.Exists(report) ? $"report: {report}" : "report: not written yet");
            return ExitCodes.Success;
        });
        return new Command("runs", "Quarterly runs as recorded in runs/<Q>/manifest.json.") { list, show };
    }

    private static bool IngestOnly(RunManifest manifest) => manifest.Stages.Keys.All(stage => stage == PipelineStages.Ingest);

    public static void PrintStages(DataRoot root, Quarter quarter, TextWriter output)
    {
        var manifest = RunManifest.Load(root, quarter);
        output.WriteLine($"{"stage",-9} {"state",-10} {"started (UTC)",-19} {"seconds",8}  counts");
        foreach (var stage in PipelineStages.Order)
        {
            if (manifest.Find(stage) is not { } r)
            {
                output.WriteLine($"{stage,-9} {"not run",-10}");
                continue;
            }

            var counts = string.Join(", ", r.Counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value:N0}")));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{stage,-9} {r.State.ToString().ToLowerInvariant(),-10} {r.StartedAt.UtcDateTime,-19:yyyy-MM-dd HH:mm:ss} {r.Duration?.TotalSeconds,8:F1}  {counts}"));
            if (r.Error is { Length: > 0 } error)
            {
                output.WriteLine($"{"",9} error: {error}");
            }
        }
    }
}
