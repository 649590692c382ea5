using System.Globalization;
using System.Text;
using BlindSpot.Core.Contracts;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Regions;
using BlindSpot.Core.Runs;
using BlindSpot.Core.Stages;
using BlindSpot.Pipeline.Reporting;

namespace BlindSpot.Pipeline.Stages;

/// <summary>
/// The last stage: <c>runs/&lt;Q&gt;/report.html</c> and its charts, written again whenever any earlier stage ran again.
/// Its key is the earlier stages' records (state and finish time: a stage that ran again has a new one; their own keys
/// cover the files they read and wrote) and the quarter before's ingest report and feature manifest (the drift baseline).
/// </summary>
internal sealed class ReportStage : IQuarterStage
{
    public string Name => StageNames.Report;

    public static string ReportPath(DataRoot root, Quarter quarter) => Path.Combine(Path.GetDirectoryName(root.RunManifest(quarter))!, "report.html");

    public StageDeclaration Declare(DataRoot root, Quarter quarter)
    {
        ArgumentNullException.ThrowIfNull(root);
        var manifest = RunManifest.Load(root, quarter);
        var declaration = StageDeclaration.Empty
            .Reads(root.IngestReport(quarter.Previous))
            .Reads(Path.Combine(root.FeaturesFolder(quarter.Previous), FeatureFiles.ManifestFileName))
            .Writes(ReportPath(root, quarter))
            .WritesAll(Path.GetDirectoryName(ReportPath(root, quarter))!, "*.png");
        foreach (var stage in StageNames.Before(Name))
        {
            var record = manifest.Find(stage);
            declaration = declaration.DependsOn(stage, record is null ? "none" : string.Create(CultureInfo.InvariantCulture, $"{record.State} {record.FinishedAt:O}"));
        }

        return declaration;
    }

    public async Task<StageOutcome> RunAsync(StageRun run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        var path = ReportPath(run.Root, run.Quarter);
        var folder = Path.GetDirectoryName(path)!;
        var temporary = path + ".tmp";
        var html = await RunReportWriter.RenderAsync(run.Root, run.Quarter, RegionRegistry.LoadDefault(), folder, ct).ConfigureAwait(false);
        await File.WriteAllTextAsync(temporary, html, new UTF8Encoding(false), ct).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
        return StageOutcome.Empty;
    }
}
