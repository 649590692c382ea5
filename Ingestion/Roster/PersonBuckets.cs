namespace BlindSpot.Ingestion.Roster;

/// <summary>
/// Person key → the bucket of the person's household, for routing person-keyed feed rows to their bucket: open addressing
/// over two arrays sized once (10 bytes a slot, about 13–27 bytes a person). Keys are HMAC output, already uniform.
/// Add is single-threaded; <see cref="BucketOf"/> is safe from many threads once filled.
/// </summary>
internal sealed class PersonBuckets
{
    private readonly long[] keys;
    private readonly short[] buckets;
    private readonly int mask;
    private readonly int shift;
    private short zeroBucket = -1;

    public PersonBuckets(int people)
    {
        var capacity = 1024;
        while (capacity * 3L < people * 4L)
        {
            capacity *= 2;
        }

        keys = new long[capacity];
        buckets = new short[capacity];
        mask = capacity - 1;
        shift = 64 - System.Numerics.BitOperations.Log2((uint)capacity);
    }

    /// <summary>Records <paramref name="key"/>'s bucket (the key is not there yet: the roster has no repeated person).</summary>
    public void Add(long key, int bucket)
    {
        if (key == 0)
        {
            zeroBucket = (short)bucket;
            return;
        }

        var i = Slot(key);
        while (keys[i] != 0 && keys[i] != key)
        {
            i = (i + 1) & mask;
        }

        keys[i] = key;
        buckets[i] = (short)bucket;
    }

    /// <summary>The bucket of <paramref name="key"/>'s household, or −1 when the roster does not hold the person.</summary>
    public int BucketOf(long key)
    {
        if (key == 0)
        {
            return zeroBucket;
        }

        var i = Slot(key);
        while (keys[i] != 0)
        {
            if (keys[i] == key)
            {
                return buckets[i];
            }

            i = (i + 1) & mask;
        }

        return -1;
    }

    private int Slot(long key) => unchecked((int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> shift));
}
