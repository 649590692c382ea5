using BlindSpot.Core.Keys;

namespace BlindSpot.Core.Tests.Keys;

public sealed class KeyIndexTests
{
    private static long[] DistinctKeys(int count, int seed)
    {
        var random = new Random(seed);
        var keys = new HashSet<long>();
        while (keys.Count < count)
        {
            keys.Add(random.NextInt64(long.MinValue, long.MaxValue));
        }

        return [.. keys];
    }

    [Test]
    public void TryAdd_ThenFind_ReturnsEachIndex_AndUnknownIsMinusOne()
    {
        var keys = DistinctKeys(5_000, seed: 1);
        var index = new KeyIndex(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            Assert.That(index.TryAdd(keys[i], i), Is.True);
        }

        Assert.Multiple(() =>
        {
            Assert.That(index.Count, Is.EqualTo(keys.Length));
            Assert.That(Enumerable.Range(0, keys.Length).All(i => index.Find(keys[i]) == i), Is.True);
            Assert.That(DistinctKeys(200, seed: 2).Except(keys).Select(index.Find), Is.All.EqualTo(-1));
        });
    }

    [Test]
    public void TryAdd_KeyAlreadyPresent_ReturnsFalseAndKeepsTheFirstIndex()
    {
        var index = new KeyIndex(4);
        index.TryAdd(42, 0);

        Assert.Multiple(() =>
        {
            Assert.That(index.TryAdd(42, 7), Is.False);
            Assert.That(index.Find(42), Is.EqualTo(0));
            Assert.That(index.Count, Is.EqualTo(1));
        });
    }

    [Test]
    public void Keys_ZeroAndExtremes_AreOrdinaryKeys()
    {
        // Slots mark "empty" by their index, never by a key value, so no key is reserved.
        var index = new KeyIndex(3);
        index.TryAdd(0, 0);
        index.TryAdd(long.MinValue, 1);
        index.TryAdd(long.MaxValue, 2);

        Assert.That(new[] { index.Find(0), index.Find(long.MinValue), index.Find(long.MaxValue), index.Find(1) }, Is.EqualTo(new[] { 0, 1, 2, -1 }));
    }

    [Test]
    public void TryAdd_PastTheSizedCapacity_Grows()
    {
        var keys = DistinctKeys(10_000, seed: 3);
        var index = new KeyIndex(0);
        for (var i = 0; i < keys.Length; i++)
        {
            index.TryAdd(keys[i], i);
        }

        Assert.That(Enumerable.Range(0, keys.Length).Count(i => index.Find(keys[i]) == i), Is.EqualTo(keys.Length));
        Assert.That(index.Count, Is.EqualTo(keys.Length), "growing re-inserts the keys without counting them twice");
    }

    [Test]
    public void AddAll_NewKeys_IndexesThemFromTheFirstIndex()
    {
        var keys = DistinctKeys(3_000, seed: 4);
        var index = new KeyIndex(10);
        index.TryAdd(keys[0], 0);

        var duplicate = index.AddAll(keys.AsSpan(1), firstIndex: 1);

        Assert.Multiple(() =>
        {
            Assert.That(duplicate, Is.EqualTo(-1));
            Assert.That(Enumerable.Range(0, keys.Length).All(i => index.Find(keys[i]) == i), Is.True);
        });
    }

    [Test]
    public void AddAll_WithADuplicate_StopsThereAndSaysWhere()
    {
        long[] keys = [10, 20, 30, 20, 40];
        var index = new KeyIndex(keys.Length);

        var duplicate = index.AddAll(keys, firstIndex: 100);

        Assert.Multiple(() =>
        {
            Assert.That(duplicate, Is.EqualTo(3));
            Assert.That(new[] { index.Find(10), index.Find(20), index.Find(30), index.Find(40) }, Is.EqualTo(new[] { 100, 101, 102, -1 }));
            Assert.That(index.Count, Is.EqualTo(3));
        });
    }

    [Test]
    public void FindAll_MatchesFindForEveryKey()
    {
        var keys = DistinctKeys(2_000, seed: 5);
        var index = new KeyIndex(keys.Length);
        index.AddAll(keys, 0);
        var position = keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i);
        var probes = keys.Where((_, i) => i % 3 == 0).Concat(DistinctKeys(500, seed: 6)).ToArray();
        var found = new int[probes.Length];

        index.FindAll(probes, found);

        Assert.That(found, Is.EqualTo(probes.Select(p => position.GetValueOrDefault(p, -1)).ToArray()));
    }

    [Test]
    public void FindAll_TooFewPlaces_Throws()
    {
        var index = new KeyIndex(2);

        Assert.That(() => index.FindAll([1, 2, 3], new int[2]), Throws.ArgumentException);
    }

    [Test]
    public void TryAdd_NegativeIndex_Throws()
    {
        Assert.That(() => new KeyIndex(2).TryAdd(1, -1), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
