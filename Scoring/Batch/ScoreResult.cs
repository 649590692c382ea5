using BlindSpot.Core.Catalog;

namespace BlindSpot.Scoring.Batch;

/// <summary>
/// What <c>blindspot score</c> did: one entry per scored variant, the variants without a live model, how long it took,
/// and the wall time of its phases in order.
/// </summary>
public sealed record ScoreResult(IReadOnlyList<ScoreResult.Scored> Variants, IReadOnlyList<Variant> WithoutLiveModel, TimeSpan Elapsed, IReadOnlyList<Core.Stages.StagePhase> Phases)
{
    /// <summary>Shards joined, for a sharded run's reduce; 0 when scored in one process.</summary>
    public int Shards { get; init; }

    public sealed record Scored(Variant Variant, string ModelVersion, int Rows, int Candidates, string Path);
}
