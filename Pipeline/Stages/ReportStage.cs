using System.Globalization;
using System.Text;
using BlindSpot.Core.Hashing;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Regions;
using BlindSpot.Core.Runs;
using BlindSpot.Pipeline.Reporting;

namespace BlindSpot.Pipeline.Stages;

/// <summary>The last stage: <c>runs/&lt;Q&gt;/report.html</c>, written again whenever any earlier stage ran again.</summary>
internal sealed class ReportStage(TimeProvider time) : IQuarterStage
{
    public const string StageName = "report";

    private static readonly string[] Earlier = ["ingest", "features", "score", "dispatch"];

    public string Name => StageName;

    public static string ReportPath(DataRoot root, Quarter quarter) => Path.Combine(Path.GetDirectoryName(root.RunManifest(quarter))!, "report.html");

    public async Task<IReadOnlyDictionary<string, string>?> InputsAsync(DataRoot root, Quarter quarter, CancellationToken ct)
    {
        var files = new StageFiles(root);
        var manifest = RunManifest.LoadOrCreate(root.RunManifest(quarter), quarter.ToString());
        foreach (var stage in Earlier)
        {
            // A stage that ran again has a new finish time, so the report is written again.
            var record = manifest.Find(stage);
            files.Add("#" + stage, record is null ? "none" : string.Create(CultureInfo.InvariantCulture, $"{record.State} {record.FinishedAt:O}"));
        }

        await files.AddAsync(root.IngestReport(quarter.Previous), ct).ConfigureAwait(false);
        await files.AddAsync(Path.Combine(root.FeaturesFolder(quarter.Previous), Features.FeatureManifest.FileName), ct).ConfigureAwait(false);
        return files.Hashes;
    }

    public async Task RunAsync(DataRoot root, Quarter quarter, IReadOnlyDictionary<string, string>? inputs, CancellationToken ct)
    {
        var started = time.GetUtcNow();
        var path = ReportPath(root, quarter);
        var folder = Path.GetDirectoryName(path)!;
        var temporary = path + ".tmp";
        var html = await RunReportWriter.RenderAsync(root, quarter, RegionRegistry.LoadDefault(), folder, ct).ConfigureAwait(false);
        await File.WriteAllTextAsync(temporary, html, new UTF8Encoding(false), ct).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
        var outputs = new StageFiles(root);
        await outputs.AddAsync(path, ct).ConfigureAwait(false);
        await outputs.AddFolderAsync(folder, "*.png", ct).ConfigureAwait(false);
        var manifestPath = root.RunManifest(quarter);
        RunManifest.LoadOrCreate(manifestPath, quarter.ToString()).With(new StageRecord
        {
            Stage = StageName,
            State = StageState.Completed,
            Outputs = outputs.Hashes,
            StartedAt = started,
            FinishedAt = time.GetUtcNow(),
        }).Save(manifestPath);
    }

    public Task<IReadOnlyDictionary<string, string>> OutputsAsync(DataRoot root, Quarter quarter, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());
}
