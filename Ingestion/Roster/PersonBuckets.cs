namespace BlindSpot.Ingestion.Roster;

/// <summary>
/// Person key → the bucket of the person's household, for routing person-keyed feed rows to their bucket: a sorted
/// dense array of the keys (8 bytes) beside their buckets (2 bytes), 10 bytes a person with no slack (510 MB at 51
/// million people, where an open-addressing table at a power-of-two size took 10–27), plus a 4-byte-a-slot index of
/// the keys' top bits so a lookup searches only a handful of neighbours. Keys are HMAC output, already uniform.
/// Filled by <see cref="AddRange"/> (safe from several threads, each bucket adding its own people), then
/// <see cref="Seal"/> once; <see cref="BucketOf"/> is safe from many threads after that.
/// </summary>
internal sealed class PersonBuckets
{
    // About 8 keys a slot of the top-bits index: a lookup is one index read and a binary search over ~8 keys.
    private const int KeysPerSlot = 8;

    private readonly long[] keys;
    private readonly short[] buckets;
    private int count;
    private int[] starts = [];
    private int shift;

    /// <param name="people">Exactly how many people will be added.</param>
    public PersonBuckets(int people)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(people);
        keys = new long[people];
        buckets = new short[people];
    }

    /// <summary>Records that every key of <paramref name="personKeys"/> lives in <paramref name="bucket"/>.</summary>
    public void AddRange(ReadOnlySpan<long> personKeys, int bucket)
    {
        var at = Interlocked.Add(ref count, personKeys.Length) - personKeys.Length;
        if (at + personKeys.Length > keys.Length)
        {
            throw new InvalidOperationException($"More people were added than the {keys.Length} announced.");
        }

        personKeys.CopyTo(keys.AsSpan(at));
        buckets.AsSpan(at, personKeys.Length).Fill((short)bucket);
    }

    /// <summary>Sorts the keys and builds the index; call once, after the last <see cref="AddRange"/>.</summary>
    public void Seal()
    {
        if (count != keys.Length)
        {
            throw new InvalidOperationException($"{count} people were added where {keys.Length} were announced.");
        }

        Array.Sort(keys, buckets);
        var bits = Math.Clamp(System.Numerics.BitOperations.Log2((uint)Math.Max(1, keys.Length / KeysPerSlot)), 1, 30);
        shift = 64 - bits;
        starts = new int[(1 << bits) + 1];
        foreach (var key in keys)
        {
            starts[Slot(key) + 1]++;
        }

        for (var s = 1; s < starts.Length; s++)
        {
            starts[s] += starts[s - 1];
        }
    }

    /// <summary>The bucket of <paramref name="key"/>'s household, or −1 when the roster does not hold the person.</summary>
    public int BucketOf(long key)
    {
        var slot = Slot(key);
        var from = starts[slot];
        var found = Array.BinarySearch(keys, from, starts[slot + 1] - from, key);
        return found >= 0 ? buckets[found] : -1;
    }

    // Signed order (the sort's) is the order of the key with its sign bit flipped, read unsigned: its top bits are the slot.
    private int Slot(long key) => (int)((unchecked((ulong)key) ^ 0x8000_0000_0000_0000UL) >> shift);
}
