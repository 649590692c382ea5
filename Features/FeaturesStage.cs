using BlindSpot.Core.Catalog;
using BlindSpot.Core.Contracts;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Stages;

namespace BlindSpot.Features;

/// <summary>
/// The features stage under the stage contract: reads the quarter's roster and lake and the quarter before's lake (for
/// the change features; with the catalog's history features, the two before that as well) under the catalog's version; writes <c>features/&lt;Q&gt;/bucket=NNN/part-0.parquet</c> and
/// <c>feature-manifest.json</c>. Builds every bucket in this process (skipping current ones), or (<see cref="FromBuckets"/>)
/// only sums the buckets the pipeline's bucket jobs built (<see cref="FeatureBuilder.BuildBucketAsync"/>): same name,
/// key and outputs, so a quarter built one way is skipped by the other. Run it through <see cref="StageCheckpoint"/>;
/// <see cref="StageOutcome.Detail"/> is the <see cref="FeatureBuildResult"/>.
/// </summary>
public sealed class FeaturesStage : IQuarterStage, IHeapBudget
{
    private readonly FeedCatalog catalog;
    private readonly FeatureOptions options;
    private readonly bool fromBuckets;

    /// <summary>Builds every bucket in this process.</summary>
    public FeaturesStage(FeedCatalog catalog, FeatureOptions options)
        : this(catalog, options, fromBuckets: false)
    {
    }

    private FeaturesStage(FeedCatalog catalog, FeatureOptions options, bool fromBuckets)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        (this.catalog, this.options, this.fromBuckets) = (catalog, options, fromBuckets);
    }

    public string Name => StageNames.Features;

    /// <summary>The reduce of the bucket jobs: every bucket must have been built for the current inputs.</summary>
    public static FeaturesStage FromBuckets(FeedCatalog catalog, FeatureOptions options) => new(catalog, options, fromBuckets: true);

    /// <summary>The builder of this stage's buckets, for the pipeline's bucket jobs.</summary>
    public FeatureBuilder Builder => new(catalog, options);

    public StageDeclaration Declare(DataRoot root, Quarter quarter)
    {
        ArgumentNullException.ThrowIfNull(root);
        var declaration = StageDeclaration.Empty
            .ReadsTree(root.RosterFolder(quarter), BucketLayout.PartPattern)
            .Reads(root.Partitioning(quarter))
            .ReadsTree(root.LakeFolder(quarter), BucketLayout.PartPattern)
            .ReadsTree(root.LakeFolder(quarter.Previous), BucketLayout.PartPattern)
            .Reads(root.Partitioning(quarter.Previous))
            .DependsOn("catalog", catalog.Version)
            .WritesTree(root.FeaturesFolder(quarter), FeatureFiles.PartPattern)
            .WritesTree(root.FeaturesFolder(quarter), FeatureFiles.BucketRecordFileName)
            .Writes(Path.Combine(root.FeaturesFolder(quarter), FeatureManifest.FileName));
        if (!catalog.HistoryFeatures)
        {
            return declaration;
        }

        // History features read two more earlier lakes and change the schema: both must be in the key.
        for (var (back, earlier) = (2, quarter.Previous.Previous); back < Aggregation.WindowHistory.Quarters; back++, earlier = earlier.Previous)
        {
            declaration = declaration
                .ReadsTree(root.LakeFolder(earlier), BucketLayout.PartPattern)
                .Reads(root.Partitioning(earlier));
        }

        return declaration.DependsOn("history", $"{Aggregation.WindowHistory.Quarters} quarters");
    }

    /// <summary>See <see cref="FeatureMemory"/>: 512 MiB + 330 B a person of the largest buckets built at once.</summary>
    public Task<long?> HeapLimitAsync(DataRoot root, Quarter quarter, CancellationToken ct) => FeatureMemory.HeapLimitAsync(root, quarter, options.Workers, ct);

    public async Task<StageOutcome> RunAsync(StageRun run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        var builder = new FeatureBuilder(catalog, options);
        var result = fromBuckets
            ? await builder.ReduceAsync(run.Root, run.Quarter, ct).ConfigureAwait(false)
            : await builder.BuildAsync(run.Root, run.Quarter, ct).ConfigureAwait(false);
        var manifest = result.Manifest;
        return new StageOutcome
        {
            Counts = new SortedDictionary<string, long>(StringComparer.Ordinal)
            {
                ["rows"] = manifest.Rows,
                ["features"] = manifest.Features.Count,
                ["unknownKeys"] = manifest.Feeds.Sum(f => f.UnknownKeys),
                ["absentFeeds"] = manifest.Feeds.Count(f => !f.Present),
                ["buckets"] = manifest.Partitions.Count,
                ["bucketsBuilt"] = result.BucketsBuilt,
            },
            Detail = result,
        };
    }
}
