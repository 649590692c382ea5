using BlindSpot.Scoring.Metrics;

namespace BlindSpot.Scoring.Batch;

/// <summary>
/// A part's candidates in flat arrays (keys, scores and a row of features each, <c>width</c> wide), not an object per
/// person: a part may pass hundreds of thousands of rows over its bar before it has proven a high one.
/// </summary>
internal sealed class CandidateRows(int width)
{
    private long[] keys = new long[64];
    private float[] scores = new float[64];
    private float[] features = new float[64 * width];

    public int Count { get; private set; }

    /// <summary>Adds a candidate and returns the span its features go into.</summary>
    public Span<float> Add(long personKey, float score)
    {
        if (Count == keys.Length)
        {
            Array.Resize(ref keys, 2 * Count);
            Array.Resize(ref scores, 2 * Count);
            Array.Resize(ref features, 2 * Count * width);
        }

        keys[Count] = personKey;
        scores[Count] = score;
        return features.AsSpan(Count++ * width, width);
    }

    /// <summary>
    /// Keeps the candidates at or above <paramref name="floor"/>, and of those the best <paramref name="limit"/> in rank order,
    /// compacted in place in their original order.
    /// </summary>
    public void KeepBest(int limit, float floor)
    {
        var survivors = new List<int>();
        for (var i = 0; i < Count; i++)
        {
            if (scores[i] >= floor)
            {
                survivors.Add(i);
            }
        }

        if (survivors.Count > limit)
        {
            var ranked = survivors.Select(i => RankOrder.Key(scores[i], keys[i])).ToArray();
            var order = survivors.ToArray();
            Array.Sort(ranked, order);
            survivors = [.. order.Take(limit).Order()];
        }

        // Survivors in ascending original position: each moves down or stays, so compacting in place is safe.
        for (var j = 0; j < survivors.Count; j++)
        {
            var from = survivors[j];
            keys[j] = keys[from];
            scores[j] = scores[from];
            features.AsSpan(from * width, width).CopyTo(features.AsSpan(j * width, width));
        }

        Count = survivors.Count;
    }

    /// <summary>The candidates as objects, for the ranking step (few survive a part).</summary>
    public IReadOnlyList<Candidate> ToCandidates() =>
        [.. Enumerable.Range(0, Count).Select(i => new Candidate(keys[i], scores[i], features.AsSpan(i * width, width).ToArray()))];
}
