namespace BlindSpot.Scoring.Metrics;

/// <summary>
/// The one ordering every ranking in Scoring uses: higher score first, ties broken by the smaller person key, so ranks
/// never depend on thread timing or file order.
/// </summary>
internal static class RankOrder
{
    /// <summary>Row indices from best to worst.</summary>
    public static int[] Descending(ReadOnlySpan<float> scores, ReadOnlySpan<long> keys)
    {
        if (scores.Length != keys.Length)
        {
            throw new ArgumentException($"Scores ({scores.Length}) and keys ({keys.Length}) must be the same length.", nameof(keys));
        }

        var order = new SortKey[scores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = new SortKey(float.IsNaN(scores[i]) ? float.NegativeInfinity : scores[i], keys[i], i);
        }

        Array.Sort(order);
        return [.. order.Select(o => o.Index)];
    }

    private readonly record struct SortKey(float Score, long Key, int Index) : IComparable<SortKey>
    {
        public int CompareTo(SortKey other)
        {
            var byScore = other.Score.CompareTo(Score);
            return byScore != 0 ? byScore : Key.CompareTo(other.Key);
        }
    }
}
