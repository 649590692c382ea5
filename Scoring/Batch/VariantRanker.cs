using BlindSpot.Scoring.Metrics;

namespace BlindSpot.Scoring.Batch;

/// <summary>
/// Joins a variant's part scores (in part order), ranks them nationally and within 시군구, and computes reasons for the
/// top candidates from the features the parts kept.
/// </summary>
internal static class VariantRanker
{
    public static VariantScores Rank(LiveVariant variant, IReadOnlyList<PartScores> parts, ScoreOptions options)
    {
        var keys = parts.SelectMany(p => p.PersonKeys).ToArray();
        var scores = parts.SelectMany(p => p.Scores).ToArray();
        var order = RankOrder.Descending(scores, keys);
        var households = parts.SelectMany(p => p.HouseholdKeys).ToArray();
        var sigungu = parts.SelectMany(p => p.Sigungu).ToArray();
        var raw = parts.SelectMany(p => p.Raw).ToArray();
        var sigunguRanks = new int[order.Length];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < order.Length; i++)
        {
            var code = sigungu[order[i]];
            seen[code] = sigunguRanks[i] = seen.GetValueOrDefault(code) + 1;
        }

        var candidates = options.Candidates(variant.Variant, order.Length);
        var features = parts.SelectMany(p => p.Candidates).ToDictionary(c => c.PersonKey, c => c.Features);
        var card = variant.Model.Card;
        var picker = new ReasonPicker(variant.Model.Ensemble, card.Features, card.FeedFeatures.ToHashSet(StringComparer.Ordinal));
        var reasons = new IReadOnlyList<Reason>[candidates];
        for (var i = 0; i < candidates; i++)
        {
            var key = keys[order[i]];
            reasons[i] = features.TryGetValue(key, out var row)
                ? picker.Pick(row)
                : throw new InvalidOperationException($"Candidate {key} at rank {i + 1} was not kept by its part; the candidate limit is too small.");
        }

        return new VariantScores(
            variant.Variant,
            [.. order.Select(i => keys[i])],
            [.. order.Select(i => households[i])],
            [.. order.Select(i => sigungu[i])],
            [.. order.Select(i => scores[i])],
            [.. order.Select(i => raw[i])],
            sigunguRanks,
            reasons);
    }
}
