namespace BlindSpot.Ingestion.Roster;

/// <summary>
/// A set of 64-bit keys with open addressing in one array (0 marks an empty slot; the key 0 itself is a flag): one
/// cache miss per probe, for the person and household keys of the roster. The table is sized to the expected count
/// plus a quarter (an estimate from a compressed file's size can be short) at a load of at most 3/4, not to a power
/// of two, so it takes 10.7–13.3 bytes a key: at 51 million keys a power of two could take 21. Add is single-threaded;
/// Contains is safe from many threads once filled.
/// </summary>
internal sealed class LongSet
{
    private long[] slots;
    private bool hasZero;

    public LongSet(int expected)
    {
        slots = new long[OpenTable.Capacity(expected, 4, 3)];
    }

    public int Count { get; private set; }

    /// <summary>Adds <paramref name="key"/>; false when it was already present.</summary>
    public bool Add(long key)
    {
        if (key == 0)
        {
            var added = !hasZero;
            hasZero = true;
            Count += added ? 1 : 0;
            return added;
        }

        if ((Count + 1) * 4L > slots.Length * 3L)
        {
            Grow();
        }

        if (!Insert(slots, key))
        {
            return false;
        }

        Count++;
        return true;
    }

    public bool Contains(long key)
    {
        if (key == 0)
        {
            return hasZero;
        }

        var i = Slot(key, slots.Length);
        while (slots[i] != 0)
        {
            if (slots[i] == key)
            {
                return true;
            }

            i = i + 1 == slots.Length ? 0 : i + 1;
        }

        return false;
    }

    private static bool Insert(long[] table, long key)
    {
        var i = Slot(key, table.Length);
        while (table[i] != 0)
        {
            if (table[i] == key)
            {
                return false;
            }

            i = i + 1 == table.Length ? 0 : i + 1;
        }

        table[i] = key;
        return true;
    }

    // Keys are HMAC output, already uniform; the multiply only guards against structured test keys.
    private static int Slot(long key, int length) => OpenTable.Slot(unchecked((ulong)key * 0x9E3779B97F4A7C15UL), length);

    private void Grow()
    {
        var larger = new long[OpenTable.Grown(slots.Length)];
        foreach (var key in slots)
        {
            if (key != 0)
            {
                Insert(larger, key);
            }
        }

        slots = larger;
    }
}
