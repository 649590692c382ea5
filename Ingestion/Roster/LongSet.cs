namespace BlindSpot.Ingestion.Roster;

/// <summary>
/// A set of 64-bit keys with open addressing in one array (0 marks an empty slot; the key 0 itself is a flag): about
/// 8–11 bytes a key and one cache miss per probe, for the 9M person keys every feed row is checked against.
/// Add is single-threaded; Contains is safe from many threads once filled.
/// </summary>
internal sealed class LongSet
{
    private long[] slots;
    private int mask;
    private int shift;
    private bool hasZero;

    public LongSet(int expected)
    {
        var capacity = 1024;
        while (capacity * 3L < expected * 4L)
        {
            capacity *= 2;
        }

        slots = new long[capacity];
        mask = capacity - 1;
        shift = 64 - System.Numerics.BitOperations.Log2((uint)capacity);
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

        var i = Slot(key);
        while (slots[i] != 0)
        {
            if (slots[i] == key)
            {
                return false;
            }

            i = (i + 1) & mask;
        }

        slots[i] = key;
        Count++;
        return true;
    }

    public bool Contains(long key)
    {
        if (key == 0)
        {
            return hasZero;
        }

        var i = Slot(key);
        while (slots[i] != 0)
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
        var old = slots;
        slots = new long[old.Length * 2];
        mask = slots.Length - 1;
        shift--;
        Count = hasZero ? 1 : 0;
        foreach (var key in old)
        {
            if (key != 0)
            {
                Add(key);
            }
        }
    }
}
