namespace BlindSpot.Simulation.Randomness;

/// <summary>
/// SplitMix64 mixing: turns (seed, stream, entity, quarter) into an independent 64-bit state, so any unit's draws
/// can be made in any order or on any thread and still give the same bytes.
/// </summary>
internal static class SplitMix
{
    /// <summary>The golden-ratio increment of SplitMix64.</summary>
    public const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>The SplitMix64 finaliser: a bijective avalanche of all 64 bits.</summary>
    public static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>A state for one (seed, stream, entity, quarter) cell; chained mixing keeps nearby cells unrelated.</summary>
    public static ulong Key(ulong seed, RandomStreamId stream, ulong entity, long quarter)
    {
        unchecked
        {
            var z = Mix(seed + Gamma);
            z = Mix(z ^ ((ulong)stream * 0xD1B54A32D192ED03UL));
            z = Mix(z ^ (entity + Gamma));
            return Mix(z ^ ((ulong)quarter * 0xAEF17502108EF2D9UL));
        }
    }
}
