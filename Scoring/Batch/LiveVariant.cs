using BlindSpot.Core.Catalog;
using BlindSpot.Scoring.Registry;

namespace BlindSpot.Scoring.Batch;

/// <summary>A variant being scored: its live model and how many top candidates each part must keep for reasons.</summary>
internal sealed record LiveVariant(Variant Variant, LoadedModel Model, int CandidateLimit)
{
    /// <summary>The national top-k bar the parts of this variant share while they are scored.</summary>
    public CandidateBar Bar { get; } = new(CandidateLimit);
}
