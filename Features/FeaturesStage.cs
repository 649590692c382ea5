using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Stages;

namespace BlindSpot.Features;

/// <summary>
/// The features stage under the stage contract: reads the quarter's roster and lake and the quarter before's lake (for
/// the change features; with the catalog's history features, the two before that as well) under the catalog's version; writes <c>features/&lt;Q&gt;/part-NNN.parquet</c> and
/// <c>feature-manifest.json</c>. Run it through <see cref="StageCheckpoint"/>; <see cref="StageOutcome.Detail"/> is the
/// <see cref="FeatureBuildResult"/>.
/// </summary>
public sealed class FeaturesStage(FeedCatalog catalog, FeatureOptions options) : IQuarterStage, IHeapBudget
{
    public string Name => StageNames.Features;

    public StageDeclaration Declare(DataRoot root, Quarter quarter)
    {
        ArgumentNullException.ThrowIfNull(root);
        var declaration = StageDeclaration.Empty
            .ReadsTree(root.RosterFolder(quarter), Core.Contracts.BucketLayout.PartPattern)
            .Reads(root.Partitioning(quarter))
            .ReadsTree(root.LakeFolder(quarter), Core.Contracts.BucketLayout.PartPattern)
            .ReadsTree(root.LakeFolder(quarter.Previous), Core.Contracts.BucketLayout.PartPattern)
            .DependsOn("catalog", catalog.Version)
            .WritesAll(root.FeaturesFolder(quarter), Core.Contracts.FeatureFiles.PartPattern)
            .Writes(Path.Combine(root.FeaturesFolder(quarter), FeatureManifest.FileName));
        // History features read two more earlier lakes and change the schema: both must be in the key.
        return catalog.HistoryFeatures
            ? declaration
                .ReadsTree(root.LakeFolder(quarter.Previous.Previous), Core.Contracts.BucketLayout.PartPattern)
                .ReadsTree(root.LakeFolder(quarter.Previous.Previous.Previous), Core.Contracts.BucketLayout.PartPattern)
                .DependsOn("history", $"{Aggregation.WindowHistory.Quarters} quarters")
            : declaration;
    }

    /// <summary>See <see cref="FeatureMemory"/>: 512 MiB + 330 B a person of the quarter's roster.</summary>
    public Task<long?> HeapLimitAsync(DataRoot root, Quarter quarter, CancellationToken ct) => FeatureMemory.HeapLimitAsync(root, quarter, ct);

    public async Task<StageOutcome> RunAsync(StageRun run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        var result = await new FeatureBuilder(catalog, options).BuildAsync(run.Root, run.Quarter, ct).ConfigureAwait(false);
        var manifest = result.Manifest;
        return new StageOutcome
        {
            Counts = new SortedDictionary<string, long>(StringComparer.Ordinal)
            {
                ["rows"] = manifest.Rows,
                ["features"] = manifest.Features.Count,
                ["unknownKeys"] = manifest.Feeds.Sum(f => f.UnknownKeys),
                ["absentFeeds"] = manifest.Feeds.Count(f => !f.Present),
            },
            Detail = result,
        };
    }
}
