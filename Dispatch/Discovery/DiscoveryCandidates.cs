namespace BlindSpot.Dispatch.Discovery;

/// <summary>
/// The quarter's candidates (rows of the index) as the identity-vault pass needs them: each one's person key and 시군구,
/// 10 bytes a candidate in two flat arrays, sorted by key once every bucket has added its own (<see cref="Seal"/>), so
/// the vault pass finds a resident's 시군구 by binary search. Also counts each 시군구's candidates.
/// </summary>
internal sealed class DiscoveryCandidates(int capacity)
{
    private readonly long[] keys = new long[capacity];
    private readonly ushort[] places = new ushort[capacity];
    private readonly List<int> sigungu = [];
    private readonly List<int> counts = [];
    private readonly Dictionary<int, ushort> ordinals = [];
    private bool isSealed;

    public int Count { get; private set; }

    /// <summary>Every 시군구 with at least one candidate, in the order first met.</summary>
    public IReadOnlyList<int> Sigungu => sigungu;

    public void Add(long key, int code)
    {
        if (isSealed)
        {
            throw new InvalidOperationException("Candidates were added after the list was sealed.");
        }

        if (!ordinals.TryGetValue(code, out var ordinal))
        {
            ordinal = ordinals[code] = checked((ushort)sigungu.Count);
            sigungu.Add(code);
            counts.Add(0);
        }

        keys[Count] = key;
        places[Count] = ordinal;
        counts[ordinal]++;
        Count++;
    }

    /// <summary>Sorts by key; a key met twice (a person in two buckets of the roster) is an error naming it.</summary>
    public void Seal(string roster)
    {
        Array.Sort(keys, places, 0, Count);
        for (var i = 1; i < Count; i++)
        {
            if (keys[i] == keys[i - 1])
            {
                throw new InvalidDataException($"{roster}: person key {keys[i]:x16} appears twice in the roster.");
            }
        }

        isSealed = true;
    }

    /// <summary>The 시군구 of the candidate with <paramref name="key"/>, or -1 when nobody of that key is a candidate.</summary>
    public int SigunguOf(long key)
    {
        var i = Array.BinarySearch(keys, 0, Count, key);
        return i >= 0 ? sigungu[places[i]] : -1;
    }

    /// <summary>Candidates in 시군구 <paramref name="code"/>.</summary>
    public int CountIn(int code) => ordinals.TryGetValue(code, out var ordinal) ? counts[ordinal] : 0;
}
