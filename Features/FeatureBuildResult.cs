namespace BlindSpot.Features;

/// <summary>
/// What a features build wrote: the manifest, where it lies, how long it took, and the wall time of its phases in order
/// (building the buckets, recording), for benchmarks and the verb's output.
/// </summary>
public sealed record FeatureBuildResult(FeatureManifest Manifest, string Folder, TimeSpan Elapsed, IReadOnlyList<Core.Stages.StagePhase> Phases)
{
    /// <summary>Buckets built by this run; the others were current and skipped (0 for a manifest written from buckets built elsewhere).</summary>
    public int BucketsBuilt { get; init; }
}
