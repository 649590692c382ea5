namespace BlindSpot.Scoring.Metrics;

/// <summary>
/// The one ordering every ranking in Scoring uses: higher score first, ties broken by the smaller person key, so ranks
/// never depend on thread timing or file order. A NaN score ranks as −∞.
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

        var sortKeys = new UInt128[scores.Length];
        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++)
        {
            sortKeys[i] = Key(scores[i], keys[i]);
            order[i] = i;
        }

        Array.Sort(sortKeys, order);
        return order;
    }

    /// <summary>
    /// One 128-bit number per row whose ascending order is the rank order: the score (descending) in the high half, the
    /// person key (ascending) in the low half. One sort of plain numbers instead of a comparer over two fields.
    /// </summary>
    public static UInt128 Key(float score, long personKey)
    {
        // −0 equals 0 and NaN ranks last, as a float comparison would have them.
        var value = float.IsNaN(score) ? float.NegativeInfinity : score == 0 ? 0f : score;
        var bits = BitConverter.SingleToUInt32Bits(value);
        var ascending = (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
        return ((UInt128)(~ascending) << 64) | unchecked((ulong)personKey ^ 0x8000_0000_0000_0000UL);
    }
}
