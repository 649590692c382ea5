using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Runs;
using BlindSpot.Features;
using BlindSpot.Ingestion;

namespace BlindSpot.Pipeline.Stages;

/// <summary>
/// The features stage: its checkpoint key is the roster and the lake of the quarter and of the quarter before. The
/// quarter's own roster and lake are taken from ingest's record instead of being hashed again: in the chain, ingest runs
/// just before and hashes every output it writes or keeps (so a changed file has already made it ingest again).
/// </summary>
internal sealed class FeaturesStage(FeedCatalog catalog, TimeProvider time) : IQuarterStage
{
    public string Name => FeatureBuilder.StageName;

    public async Task<IReadOnlyDictionary<string, string>?> InputsAsync(DataRoot root, Quarter quarter, CancellationToken ct)
    {
        var files = new StageFiles(root);
        var ingested = RunManifest.LoadOrCreate(root.RunManifest(quarter), quarter.ToString()).Find(IngestJob.StageName) is { State: StageState.Completed } ingest
            ? ingest.Outputs
            : new Dictionary<string, string>();
        await files.AddKnownAsync(root.Roster(quarter), ingested, ct).ConfigureAwait(false);
        foreach (var feed in catalog.Feeds)
        {
            await files.AddKnownAsync(root.LakeFeed(quarter, feed.Code), ingested, ct).ConfigureAwait(false);
        }

        foreach (var feed in catalog.Feeds)
        {
            await files.AddAsync(root.LakeFeed(quarter.Previous, feed.Code), ct).ConfigureAwait(false);
        }

        files.Add("#catalog", catalog.Version);
        return files.Hashes;
    }

    /// <summary>Builds with the inputs just hashed (or taken from ingest's record), so the builder does not hash them again.</summary>
    public Task RunAsync(DataRoot root, Quarter quarter, IReadOnlyDictionary<string, string>? inputs, CancellationToken ct) =>
        new FeatureBuilder(catalog, new FeatureOptions(), time).BuildAsync(root, quarter, inputs, ct);

    public Task<IReadOnlyDictionary<string, string>> OutputsAsync(DataRoot root, Quarter quarter, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());
}
