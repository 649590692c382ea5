using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Features;

namespace BlindSpot.Pipeline.Stages;

/// <summary>The features stage: its checkpoint key is the roster and the lake of the quarter and of the quarter before.</summary>
internal sealed class FeaturesStage(FeedCatalog catalog, TimeProvider time) : IQuarterStage
{
    public string Name => FeatureBuilder.StageName;

    public async Task<IReadOnlyDictionary<string, string>?> InputsAsync(DataRoot root, Quarter quarter, CancellationToken ct)
    {
        var files = new StageFiles(root);
        await files.AddAsync(root.Roster(quarter), ct).ConfigureAwait(false);
        foreach (var q in new[] { quarter, quarter.Previous })
        {
            foreach (var feed in catalog.Feeds)
            {
                await files.AddAsync(root.LakeFeed(q, feed.Code), ct).ConfigureAwait(false);
            }
        }

        files.Add("#catalog", catalog.Version);
        return files.Hashes;
    }

    public Task RunAsync(DataRoot root, Quarter quarter, CancellationToken ct) =>
        new FeatureBuilder(catalog, new FeatureOptions(), time).BuildAsync(root, quarter, ct);

    public Task<IReadOnlyDictionary<string, string>> OutputsAsync(DataRoot root, Quarter quarter, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());
}
