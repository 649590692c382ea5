namespace BlindSpot.Core.Partitioning;

/// <summary>
/// How a quarter's households are split into <see cref="Count"/> buckets: a household's bucket is its household key's
/// place in the 64-bit range, cut into <see cref="Count"/> equal contiguous slices
/// (<c>((UInt128)(key ^ 2^63) × B) &gt;&gt; 64</c>). The household key is already a keyed hash (HMAC-SHA256 of the
/// 세대번호 under the pseudonym key, <see cref="Keys.Pseudonymizer"/>), uniform and stable across quarters and runs, so it
/// is hashed no further: keeping its order means bucket order is household-key order, and the roster sorted by (시군구,
/// household, person) is exactly "each 시군구, then its rows bucket after bucket", a merge without comparisons. Members of
/// a household share its key, so a household is never split. A reader with another B finds the overlapping buckets by
/// range (<see cref="Overlapping"/>). Immutable.
/// </summary>
public readonly record struct Buckets
{
    /// <summary>The most buckets a quarter may have: bucket folders are numbered with three digits.</summary>
    public const int Max = 999;

    /// <summary>People a bucket holds by default (<see cref="DefaultFor"/>): a bucket job's memory scales with it.</summary>
    public const long DefaultPeoplePerBucket = 500_000;

    public Buckets(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Max);
        Count = count;
    }

    /// <summary>B, from 1 to <see cref="Max"/>.</summary>
    public int Count { get; }

    /// <summary>One bucket per <see cref="DefaultPeoplePerBucket"/> people, at least one: 18 at 9 million, 102 at 51 million.</summary>
    public static Buckets DefaultFor(long people) =>
        new((int)Math.Clamp((Math.Max(0, people) + DefaultPeoplePerBucket - 1) / DefaultPeoplePerBucket, 1, Max));

    /// <summary>The bucket of a household key, in [0, <see cref="Count"/>).</summary>
    public int Of(long householdKey) => (int)(((UInt128)Sortable(householdKey) * (ulong)Count) >> 64);

    /// <summary>The buckets of this partitioning whose key range meets bucket <paramref name="bucket"/> of <paramref name="other"/>.</summary>
    public IReadOnlyList<int> Overlapping(Buckets other, int bucket)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bucket);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(bucket, other.Count);
        var first = LowestKeyOf(other, bucket);
        var last = bucket + 1 == other.Count ? ulong.MaxValue : LowestKeyOf(other, bucket + 1) - 1;
        var from = (int)(((UInt128)first * (ulong)Count) >> 64);
        var to = (int)(((UInt128)last * (ulong)Count) >> 64);
        return [.. Enumerable.Range(from, to - from + 1)];
    }

    /// <inheritdoc />
    public override string ToString() => Count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // The smallest sortable key k with (k × B) >> 64 == bucket: ceil(bucket × 2^64 / B).
    private static ulong LowestKeyOf(Buckets buckets, int bucket)
    {
        var numerator = (UInt128)(ulong)bucket << 64;
        var lowest = (numerator + (ulong)buckets.Count - 1) / (ulong)buckets.Count;
        return (ulong)lowest;
    }

    // Flipping the sign bit makes unsigned order equal the signed order the roster is sorted in.
    private static ulong Sortable(long key) => unchecked((ulong)key ^ 0x8000_0000_0000_0000UL);
}
