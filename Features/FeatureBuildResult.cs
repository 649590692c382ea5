namespace BlindSpot.Features;

/// <summary>
/// What a features build wrote: the manifest, where it lies, how long it took, and the wall time of its phases in order
/// (reading the roster, folding each quarter's lake, writing the parts, recording), for benchmarks and the verb's output.
/// </summary>
public sealed record FeatureBuildResult(FeatureManifest Manifest, string Folder, TimeSpan Elapsed, IReadOnlyList<Core.Stages.StagePhase> Phases);
