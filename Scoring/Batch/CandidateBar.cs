namespace BlindSpot.Scoring.Batch;

/// <summary>
/// The lowest score a person can have and still be in a variant's national top <c>k</c>, as far as the rows scored so far
/// show: once <c>k</c> people anywhere have a score of at least s, nobody below s can make the top k. Every part of the
/// variant counts its scores into one shared histogram (65,536 bins on the float's ordered bits, so a bin's lower edge is an
/// exact float and the bar is never too high), and the bar only rises. Parts keep features only for rows at or above the
/// bar, so candidate memory stays near k rows whatever the number of parts. Timing changes which extra rows a part keeps,
/// never the national top k, so outputs stay deterministic. Thread-safe; reading it takes no lock because every scored row
/// reads it.
/// </summary>
internal sealed class CandidateBar(int k)
{
    private const int Bins = 1 << 16;
    private readonly Lock gate = new();
    private readonly long[] counts = new long[Bins];
    private int floorBin;       // the lowest bin that may still hold a top-k score
    private long atOrAbove;     // rows counted in bins >= floorBin
    private float bar = float.NegativeInfinity;

    /// <summary>The people the bar protects (the variant's candidates with reasons).</summary>
    public int K { get; } = k >= 1 ? k : throw new ArgumentOutOfRangeException(nameof(k), k, "The bar protects at least one candidate.");

    public float Value => Volatile.Read(ref bar);

    /// <summary>Counts scored rows and raises the bar as far as the counts prove.</summary>
    public void Count(ReadOnlySpan<float> scores)
    {
        lock (gate)
        {
            foreach (var score in scores)
            {
                var bin = Bin(score);
                counts[bin]++;
                if (bin >= floorBin)
                {
                    atOrAbove++;
                }
            }

            // Rise while the bins above the floor bin alone still hold k rows.
            while (floorBin < Bins - 1 && atOrAbove - counts[floorBin] >= K)
            {
                atOrAbove -= counts[floorBin++];
            }

            if (atOrAbove >= K)
            {
                Volatile.Write(ref bar, Math.Max(bar, LowerEdge(floorBin)));
            }
        }
    }

    /// <summary>The bin of a score: the top 16 of its bits, ordered so that bins ascend with the score (NaN as −∞).</summary>
    private static int Bin(float score) => (int)(Ordered(float.IsNaN(score) ? float.NegativeInfinity : score) >> 16);

    private static uint Ordered(float value)
    {
        var bits = BitConverter.SingleToUInt32Bits(value);
        return (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
    }

    /// <summary>The smallest float of a bin (a bin of NaN bit patterns bounds nothing, so it gives −∞).</summary>
    private static float LowerEdge(int bin)
    {
        var ordered = (uint)bin << 16;
        var bits = (ordered & 0x8000_0000u) != 0 ? ordered & 0x7FFF_FFFFu : ~ordered;
        var value = BitConverter.UInt32BitsToSingle(bits);
        return float.IsNaN(value) ? float.NegativeInfinity : value;
    }
}
