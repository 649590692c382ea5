using BlindSpot.Scoring.Metrics;

namespace BlindSpot.Scoring.Batch;

/// <summary>
/// Merges a variant's part scores (each already in rank order, <see cref="PartScores.Complete"/>) into the national
/// ranking, ranks within 시군구 on the way, and computes reasons for the top candidates from the features the parts kept.
/// The parts' arrays are only read, so the caller may drop them as soon as this returns.
/// </summary>
internal static class VariantRanker
{
    public static VariantScores Rank(LiveVariant variant, IReadOnlyList<PartScores> parts, ScoreOptions options, long rosterRows)
    {
        ArgumentNullException.ThrowIfNull(variant);
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(options);
        var total = parts.Sum(p => p.Rows);
        var merged = new VariantScores(
            variant.Variant, new long[total], new long[total], new string[total], new float[total], new float[total], new int[total], []);
        Merge(parts, merged);
        var candidates = options.Candidates(variant.Variant, rosterRows, total);
        return merged with { Reasons = Reasons(variant, parts, merged.PersonKeys.AsSpan(0, candidates), options.Workers) };
    }

    /// <summary>A k-way merge on <see cref="RankOrder.Key"/>; the heap's moves depend on the data alone, so equal keys merge the same way every run.</summary>
    private static void Merge(IReadOnlyList<PartScores> parts, VariantScores into)
    {
        var heads = new int[parts.Count];
        var queue = new PriorityQueue<int, UInt128>(parts.Count);
        for (var p = 0; p < parts.Count; p++)
        {
            if (parts[p].Rows > 0)
            {
                queue.Enqueue(p, RankOrder.Key(parts[p].Scores[0], parts[p].PersonKeys[0]));
            }
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < into.Rows; i++)
        {
            var p = queue.Peek();
            var part = parts[p];
            var h = heads[p]++;
            into.PersonKeys[i] = part.PersonKeys[h];
            into.HouseholdKeys[i] = part.HouseholdKeys[h];
            into.Sigungu[i] = part.Sigungu[h];
            into.Scores[i] = part.Scores[h];
            into.Raw[i] = part.Raw[h];
            ref var rank = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(seen, part.Sigungu[h], out _);
            into.SigunguRanks[i] = ++rank;
            if (h + 1 < part.Rows)
            {
                queue.DequeueEnqueue(p, RankOrder.Key(part.Scores[h + 1], part.PersonKeys[h + 1]));
            }
            else
            {
                queue.Dequeue();
            }
        }
    }

    /// <summary>Reasons for the national top candidates, in parallel (each person's reasons depend on their row alone).</summary>
    private static IReadOnlyList<Reason>[] Reasons(LiveVariant variant, IReadOnlyList<PartScores> parts, ReadOnlySpan<long> top, int workers)
    {
        var kept = parts.SelectMany(p => p.Candidates).ToDictionary(c => c.PersonKey);
        var card = variant.Model.Card;
        var ensemble = variant.Model.Ensemble;
        var picker = new ReasonPicker(ensemble, card.Features, card.FeedFeatures.ToHashSet(StringComparer.Ordinal));
        var rows = new Candidate[top.Length];
        for (var i = 0; i < top.Length; i++)
        {
            rows[i] = kept.TryGetValue(top[i], out var candidate)
                ? candidate
                : throw new InvalidOperationException($"Candidate {top[i]} at rank {i + 1} was not kept by its part; the candidate limit is too small.");
        }

        var reasons = new IReadOnlyList<Reason>[rows.Length];
        var width = card.Features.Count;
        Parallel.For(0, rows.Length, new ParallelOptions { MaxDegreeOfParallelism = workers }, () => (new float[width], new double[width]), (i, _, scratch) =>
        {
            // The candidate kept only the features the trees read; every other feature contributes nothing.
            for (var c = 0; c < ensemble.UsedFeatures.Count; c++)
            {
                scratch.Item1[ensemble.UsedFeatures[c]] = rows[i].Features[c];
            }

            reasons[i] = picker.Pick(scratch.Item1, scratch.Item2);
            return scratch;
        }, _ => { });
        return reasons;
    }
}
