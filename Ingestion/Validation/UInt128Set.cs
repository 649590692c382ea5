using BlindSpot.Ingestion.Roster;

namespace BlindSpot.Ingestion.Validation;

/// <summary>
/// A set of 128-bit hashes with open addressing: 16 bytes a slot and no per-entry object, about half a HashSet's
/// memory for the millions of record hashes duplicate detection keeps. Sized to the expected count plus a quarter at a
/// load of at most 0.7, not to a power of two (<see cref="OpenTable"/>): 23–29 bytes a hash. Zero marks an empty slot.
/// Not thread-safe.
/// </summary>
internal sealed class UInt128Set
{
    private UInt128[] slots;
    private int count;

    public UInt128Set(int expected)
    {
        slots = new UInt128[OpenTable.Capacity(expected, 10, 7)];
    }

    /// <summary>Adds <paramref name="value"/>; false when it was already present.</summary>
    public bool Add(UInt128 value)
    {
        // A hash of exactly zero (chance 2^-128) is folded onto one, so zero can mean "empty".
        if (value == UInt128.Zero)
        {
            value = UInt128.One;
        }

        if ((count + 1) * 10L > slots.Length * 7L)
        {
            Grow();
        }

        if (!Insert(slots, value))
        {
            return false;
        }

        count++;
        return true;
    }

    private static bool Insert(UInt128[] table, UInt128 value)
    {
        var i = OpenTable.Slot((ulong)(value >> 64), table.Length);
        while (table[i] != UInt128.Zero)
        {
            if (table[i] == value)
            {
                return false;
            }

            i = i + 1 == table.Length ? 0 : i + 1;
        }

        table[i] = value;
        return true;
    }

    private void Grow()
    {
        var larger = new UInt128[OpenTable.Grown(slots.Length)];
        foreach (var value in slots)
        {
            if (value != UInt128.Zero)
            {
                Insert(larger, value);
            }
        }

        slots = larger;
    }
}
