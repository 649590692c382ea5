namespace BlindSpot.Ingestion.Roster;

/// <summary>
/// A set of 64-bit keys with open addressing: ~8–16 bytes a key instead of a HashSet's ~24, for the 9M person keys
/// every feed row is checked against. Add is single-threaded; Contains is safe from many threads once filled.
/// </summary>
internal sealed class LongSet
{
    private long[] slots;
    private bool[] used;
    private int mask;
    private int shift;

    public LongSet(int expected)
    {
        var capacity = 1024;
        while (capacity < expected * 2)
        {
            capacity *= 2;
        }

        slots = new long[capacity];
        used = new bool[capacity];
        mask = capacity - 1;
        shift = 64 - System.Numerics.BitOperations.Log2((uint)capacity);
    }

    public int Count { get; private set; }

    /// <summary>Adds <paramref name="key"/>; false when it was already present.</summary>
    public bool Add(long key)
    {
        if (Count * 2 >= slots.Length)
        {
            Grow();
        }

        var i = Slot(key);
        while (used[i])
        {
            if (slots[i] == key)
            {
                return false;
            }

            i = (i + 1) & mask;
        }

        used[i] = true;
        slots[i] = key;
        Count++;
        return true;
    }

    public bool Contains(long key)
    {
        var i = Slot(key);
        while (used[i])
        {
            if (slots[i] == key)
            {
                return true;
            }

            i = (i + 1) & mask;
        }

        return false;
    }

    // Keys are HMAC output, already uniform; the multiply only guards against structured test keys.
    private int Slot(long key) => unchecked((int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> shift));

    private void Grow()
    {
        var oldSlots = slots;
        var oldUsed = used;
        slots = new long[oldSlots.Length * 2];
        used = new bool[oldSlots.Length * 2];
        mask = slots.Length - 1;
        shift--;
        Count = 0;
        for (var i = 0; i < oldSlots.Length; i++)
        {
            if (oldUsed[i])
            {
                Add(oldSlots[i]);
            }
        }
    }
}
