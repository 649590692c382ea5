using BlindSpot.Core.Catalog;
using BlindSpot.Core.Contracts;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Features;

namespace BlindSpot.Pipeline.Stages;

/// <summary>
/// The features stage as bucket jobs: one per roster bucket (<see cref="FeatureBuilder.BuildBucketAsync"/>, skipped when
/// its bucket record is current), then the manifest (<see cref="FeaturesStage.FromBuckets"/>).
/// </summary>
internal sealed class FeaturesBuckets(FeedCatalog catalog) : IBucketedStage
{
    private readonly FeatureOptions options = new();

    public string Name => Core.Stages.StageNames.Features;

    public IPipelineStage Reduce => new PipelineStage(FeaturesStage.FromBuckets(catalog, options));

    public IReadOnlyList<string> Parts(DataRoot root, Quarter quarter) => [.. FeatureBuilder.Buckets(root, quarter).Select(BucketLayout.BucketFolderName)];

    public Task RunPartAsync(DataRoot root, Quarter quarter, string part, CancellationToken ct)
    {
        if (!BucketLayout.TryParseBucketFolder(part, out var bucket))
        {
            throw new ArgumentException($"'{part}' is not a bucket folder name (bucket=NNN).", nameof(part));
        }

        return new FeatureBuilder(catalog, options).BuildBucketAsync(root, quarter, bucket, ct);
    }
}
