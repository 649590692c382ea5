namespace BlindSpot.Features;

/// <summary>What a features build wrote: the manifest and where it lies.</summary>
public sealed record FeatureBuildResult(FeatureManifest Manifest, string Folder, TimeSpan Elapsed);
