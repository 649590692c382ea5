namespace BlindSpot.Simulation.Randomness;

/// <summary>
/// A SplitMix64 sequence started from a <see cref="SplitMix.Key"/>. A mutable struct on purpose: pass it by ref,
/// never copy it, or two consumers will see the same numbers.
/// </summary>
internal struct RandomStream(ulong state)
{
    private ulong state = state;

    public static RandomStream For(ulong seed, RandomStreamId stream, ulong entity, long quarter) =>
        new(SplitMix.Key(seed, stream, entity, quarter));

    public ulong NextUInt64()
    {
        unchecked
        {
            state += SplitMix.Gamma;
        }

        return SplitMix.Mix(state);
    }

    /// <summary>Uniform in [0, 1) with 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="count"/>), without modulo bias worth measuring (multiply-shift).</summary>
    public int NextInt(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return (int)(((NextUInt64() >> 32) * (ulong)count) >> 32);
    }

    /// <summary>Uniform integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int NextInt(int min, int max) => min + NextInt(max - min + 1);

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Standard normal by Box–Muller (one of the pair is dropped: simplicity over speed here).</summary>
    public double NextNormal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Number of failures before a success: geometric with the given mean (0 when the mean is 0).</summary>
    public int NextGeometric(double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        var p = 1.0 / (1.0 + mean);
        return (int)Math.Min(1_000_000, Math.Floor(Math.Log(1.0 - NextDouble()) / Math.Log(1.0 - p)));
    }

    /// <summary>An index drawn from cumulative weights ending at 1.</summary>
    public int Pick(ReadOnlySpan<double> cumulative)
    {
        var u = NextDouble();
        for (var i = 0; i < cumulative.Length - 1; i++)
        {
            if (u < cumulative[i])
            {
                return i;
            }
        }

        return cumulative.Length - 1;
    }
}
