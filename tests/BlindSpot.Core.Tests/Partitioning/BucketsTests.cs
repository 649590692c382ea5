using BlindSpot.Core.Keys;
using BlindSpot.Core.Partitioning;

namespace BlindSpot.Core.Tests.Partitioning;

public sealed class BucketsTests
{
    // Fixed seed: the same keys every run.
    private static readonly long[] Keys = [.. Enumerable.Range(0, 20_000).Select(i => new Random(17 + i).NextInt64(long.MinValue, long.MaxValue)), long.MinValue, long.MaxValue, 0, -1, 1];

    [TestCase(1)]
    [TestCase(7)]
    [TestCase(18)]
    [TestCase(Buckets.Max)]
    public void Of_AnyKey_InRange(int count)
    {
        var buckets = new Buckets(count);

        Assert.That(Keys.Select(buckets.Of), Is.All.InRange(0, count - 1));
    }

    [Test]
    public void Of_OneBucket_EveryKeyInBucketZero() => Assert.That(Keys.Select(new Buckets(1).Of), Is.All.EqualTo(0));

    [Test]
    public void Of_KeysInOrder_BucketsInOrder()
    {
        // Buckets are contiguous key ranges: the merge of buckets into the roster's household order relies on it.
        var buckets = new Buckets(7);

        Assert.That(Keys.Order().Select(buckets.Of), Is.Ordered);
    }

    [Test]
    public void Of_SevenBuckets_EachGetsAboutASeventh()
    {
        var buckets = new Buckets(7);

        var sizes = Keys.GroupBy(buckets.Of).Select(g => g.Count()).ToList();

        Assert.That(sizes, Has.Count.EqualTo(7).And.All.InRange(Keys.Length / 7 * 0.9, Keys.Length / 7 * 1.1));
    }

    [Test]
    public void Of_SameHouseholdNumberPseudonymisedAgain_SameBucket()
    {
        // The household key has no quarter in it: the same 세대번호 under the same key is in the same bucket every quarter and run.
        var first = new Pseudonymizer(Enumerable.Repeat((byte)3, 32).ToArray());
        var second = new Pseudonymizer(Enumerable.Repeat((byte)3, 32).ToArray());
        var numbers = Enumerable.Range(0, 500).Select(i => (1_000_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var buckets = new Buckets(18);

        Assert.That(numbers.Select(n => buckets.Of(second.Household(n).Value)), Is.EqualTo(numbers.Select(n => buckets.Of(first.Household(n).Value))));
    }

    [TestCase(7, 18)]
    [TestCase(18, 7)]
    [TestCase(1, 5)]
    [TestCase(5, 1)]
    [TestCase(100, 3)]
    public void Overlapping_OtherCount_HoldsEveryKeysBucket(int count, int other)
    {
        var buckets = new Buckets(count);
        var others = new Buckets(other);

        Assert.That(Keys.Where(k => !buckets.Overlapping(others, others.Of(k)).Contains(buckets.Of(k))), Is.Empty);
    }

    [Test]
    public void Overlapping_SameCount_OnlyItself() =>
        Assert.That(Enumerable.Range(0, 7).Select(b => new Buckets(7).Overlapping(new Buckets(7), b)), Is.EqualTo(Enumerable.Range(0, 7).Select(b => new[] { b })));

    [TestCase(0L, 1)]
    [TestCase(50_000L, 1)]
    [TestCase(500_001L, 2)]
    [TestCase(9_050_010L, 19)]
    [TestCase(51_000_000L, 102)]
    [TestCase(10_000_000_000L, Buckets.Max)]
    public void DefaultFor_People_OneBucketPerHalfMillion(long people, int expected) =>
        Assert.That(Buckets.DefaultFor(people).Count, Is.EqualTo(expected));

    [TestCase(0)]
    [TestCase(Buckets.Max + 1)]
    public void Constructor_OutOfRange_Throws(int count) =>
        Assert.That(() => new Buckets(count), Throws.InstanceOf<ArgumentOutOfRangeException>());
}
