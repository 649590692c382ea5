using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Features;
using BlindSpot.Scoring.Batch;
using BlindSpot.Scoring.Registry;

namespace BlindSpot.Pipeline.Stages;

/// <summary>The score stage: its checkpoint key is the quarter's feature files and the live model of every variant.</summary>
internal sealed class ScoreStage(PipelineOptions options, TimeProvider time) : IQuarterStage
{
    public string Name => ScoreJob.Stage;

    public async Task<IReadOnlyDictionary<string, string>?> InputsAsync(DataRoot root, Quarter quarter, CancellationToken ct)
    {
        var files = new StageFiles(root);
        var folder = root.FeaturesFolder(quarter);
        await files.AddFolderAsync(folder, "part-*.parquet", ct).ConfigureAwait(false);
        await files.AddAsync(Path.Combine(folder, FeatureManifest.FileName), ct).ConfigureAwait(false);
        var registry = new ModelRegistry(options.ResolvedModelsFolder);
        foreach (var variant in VariantNames.All)
        {
            // Promoting another model changes the key, so the quarter is scored again with it.
            if (registry.Live(variant) is { } live)
            {
                files.Add($"models/{variant.ToCode()}/{live.Version}/model.zip", live.ModelSha256);
            }
        }

        return files.Hashes;
    }

    public Task RunAsync(DataRoot root, Quarter quarter, IReadOnlyDictionary<string, string>? inputs, CancellationToken ct) =>
        new ScoreJob(time).RunAsync(root, quarter, new ModelRegistry(options.ResolvedModelsFolder), new ScoreOptions(), ct);

    public Task<IReadOnlyDictionary<string, string>> OutputsAsync(DataRoot root, Quarter quarter, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());
}
