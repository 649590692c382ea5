namespace BlindSpot.Ingestion.Roster;

/// <summary>
/// Sizing and slot choice of the open-addressing tables (<see cref="LongSet"/>, <see cref="Validation.UInt128Set"/>):
/// any table length, a slot by multiply-high instead of a mask, so a table is sized to its count rather than rounded
/// up to a power of two (which at an unlucky count doubles its memory).
/// </summary>
internal static class OpenTable
{
    private const int Smallest = 1024;
    private const int Largest = 0x7FFF_FFC7; // Array.MaxLength

    /// <summary>Slots for <paramref name="expected"/> keys and a quarter more, at a load of <paramref name="loadDenominator"/> / <paramref name="loadNumerator"/>.</summary>
    public static int Capacity(long expected, int loadNumerator, int loadDenominator) =>
        (int)Math.Clamp(Math.Max(0, expected) * 5 / 4 * loadNumerator / loadDenominator + 1, Smallest, Largest);

    /// <summary>The length a full table grows to.</summary>
    public static int Grown(int length) => (int)Math.Min(Largest, length * 2L);

    /// <summary>A slot in [0, <paramref name="length"/>) for a uniform 64-bit hash: its high bits scaled to the length.</summary>
    public static int Slot(ulong hash, int length) => (int)Math.BigMul(hash, (ulong)length, out _);
}
