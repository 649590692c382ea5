using BlindSpot.Ingestion.Roster;

namespace BlindSpot.Ingestion.Tests.Roster;

public sealed class PersonBucketsTests
{
    [Test]
    public void BucketOf_KeysAddedFromSeveralThreads_GivesEachKeysBucketAndMinusOneForOthers()
    {
        // Keys over the whole signed range (zero, negatives, the extremes) in buckets added out of order and in
        // parallel, as the roster's buckets add their people; odd numbers times an odd constant are odd and distinct, so
        // even keys are never added.
        var keys = Enumerable.Range(-30_000, 60_000).Select(i => unchecked((2L * i + 1) * 614_889_782_588_491_411L)).Append(long.MinValue + 1).Append(long.MaxValue).ToArray();
        var byBucket = keys.GroupBy(BucketOf).ToList();
        var persons = new PersonBuckets(keys.Length);

        Parallel.ForEach(byBucket, group => persons.AddRange(group.ToArray(), group.Key));
        persons.Seal();

        Assert.Multiple(() =>
        {
            Assert.That(keys.Select(persons.BucketOf), Is.EqualTo(keys.Select(BucketOf)));
            Assert.That(new long[] { 0, 2, -4, long.MinValue, 614_889_782_588_491_410L }.Select(persons.BucketOf), Is.All.EqualTo(-1));
        });
    }

    private static int BucketOf(long key) => (int)(unchecked((ulong)key) % 13);

    [Test]
    public void BucketOf_NoPeople_MinusOne()
    {
        var persons = new PersonBuckets(0);
        persons.Seal();

        Assert.That(persons.BucketOf(42), Is.EqualTo(-1));
    }

    [Test]
    public void Seal_FewerPeopleThanAnnounced_Throws()
    {
        var persons = new PersonBuckets(3);
        persons.AddRange([1, 2], 0);

        Assert.That(persons.Seal, Throws.InvalidOperationException.With.Message.Contains("3 were announced"));
    }
}
