using BlindSpot.Core.Catalog;

namespace BlindSpot.Scoring.Batch;

/// <summary>What <c>blindspot score</c> did: one entry per scored variant, the variants without a live model, and how long it took.</summary>
internal sealed record ScoreResult(IReadOnlyList<ScoreResult.Scored> Variants, IReadOnlyList<Variant> WithoutLiveModel, TimeSpan Elapsed)
{
    public sealed record Scored(Variant Variant, string ModelVersion, int Rows, int Candidates, string Path);
}
