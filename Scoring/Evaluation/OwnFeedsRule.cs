using BlindSpot.Core.Catalog;

namespace BlindSpot.Scoring.Evaluation;

/// <summary>
/// The stronger rule baseline: how many of the variant's own feeds (the catalog's feeds listing the variant) have a
/// record for the person, i.e. the sum of their <c>&lt;feed&gt;_presence</c> features. <c>p_crisis_count</c> counts all 47.
/// </summary>
internal sealed class OwnFeedsRule
{
    private readonly int[] indices;

    public OwnFeedsRule(FeedCatalog catalog, Variant variant, IReadOnlyList<string> features)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var names = features.ToList();
        // Features names each presence feature "<feed code>_presence" (FeatureNames.Of); Scoring reads the names, not that code.
        indices = [.. catalog.FeedsFor(variant).Select(f => f.Code + "_presence").Select(name => names.IndexOf(name) is >= 0 and var i ? i
            : throw new InvalidDataException($"The model's feature list has no '{name}', which the {variant.ToCode()} own-feeds rule counts; re-train on the current features."))];
    }

    /// <summary>The feeds counted, as indices into the feature row.</summary>
    public IReadOnlyList<int> Indices => indices;

    public float Score(ReadOnlySpan<float> row)
    {
        var sum = 0f;
        foreach (var i in indices)
        {
            sum += row[i] > 0 ? 1 : 0;
        }

        return sum;
    }
}
