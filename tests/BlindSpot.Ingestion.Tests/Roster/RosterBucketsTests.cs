using BlindSpot.Core.Contracts;
using BlindSpot.Core.Partitioning;
using BlindSpot.Ingestion.Tests.TestSupport;

namespace BlindSpot.Ingestion.Tests.Roster;

/// <summary>The roster and lake as ingestion splits them into buckets: every row once, households whole, rows beside their household.</summary>
public sealed class RosterBucketsTests
{
    [TestCase(1)]
    [TestCase(7)]
    public async Task RunAsync_Buckets_EveryPersonInExactlyOneBucketOfItsHousehold(int count)
    {
        using var data = new TestData();
        await data.RunAsync(count);

        var rows = await RosterRowsAsync(data);
        var buckets = new Buckets(count);

        Assert.Multiple(() =>
        {
            Assert.That(TableFiles.Roster(data.Root, TestData.Quarter).Select(f => f.Bucket), Is.EqualTo(Enumerable.Range(0, count)), "a file for every bucket");
            Assert.That(rows, Has.Count.EqualTo(TestData.People));
            Assert.That(rows.Select(r => r.Person), Is.Unique, "every person in exactly one bucket");
            Assert.That(rows.GroupBy(r => r.Household).Select(g => g.Select(r => r.Bucket).Distinct().Count()), Is.All.EqualTo(1), "a household is never split");
            Assert.That(rows.Select(r => r.Bucket), Is.EqualTo(rows.Select(r => buckets.Of(r.Household))), "each household in the bucket of its key");
            Assert.That(PartitioningRecord.Load(data.Root.Partitioning(TestData.Quarter))!.People.Sum(), Is.EqualTo(TestData.People));
        });
    }

    [Test]
    public async Task RunAsync_SevenBuckets_ManyBucketsUsedAndSortedWithinEach()
    {
        using var data = new TestData();
        await data.RunAsync(7);

        var rows = await RosterRowsAsync(data);

        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.Bucket).Distinct().Count(), Is.GreaterThan(3), "60 households spread over the buckets");
            foreach (var bucket in rows.GroupBy(r => r.Bucket))
            {
                var sorted = bucket.OrderBy(r => r.Sigungu, StringComparer.Ordinal).ThenBy(r => r.Household).ThenBy(r => r.Person);
                Assert.That(bucket, Is.EqualTo(sorted), $"bucket {bucket.Key} is sorted by 시군구, household, person");
            }
        });
    }

    [Test]
    public async Task RunAsync_TwoRuns_SameAssignment()
    {
        using var first = new TestData();
        using var second = new TestData();
        await first.RunAsync(7);
        await second.RunAsync(7);

        Assert.That(await RosterRowsAsync(second), Is.EqualTo(await RosterRowsAsync(first)));
    }

    [Test]
    public async Task RunAsync_SpillOfAKilledRunLeft_ReplacedAndNothingLeftAfter()
    {
        // A run killed while the roster was split leaves its spill beside the roster folder; the next run must not read it.
        using var reference = new TestData();
        await reference.RunAsync(7);
        using var data = new TestData();
        var spill = data.Root.RosterFolder(TestData.Quarter) + ".spill";
        Directory.CreateDirectory(spill);
        await File.WriteAllBytesAsync(Path.Combine(spill, "part-000.bin"), [1, 2, 3]);

        await data.RunAsync(7);

        var rows = await RosterRowsAsync(data);
        var expected = await RosterRowsAsync(reference);
        Assert.Multiple(() =>
        {
            Assert.That(Directory.Exists(spill), Is.False, "the spill is deleted once the roster is written");
            Assert.That(rows, Is.EqualTo(expected));
        });
    }

    [Test]
    public async Task RunAsync_SevenBuckets_EveryLakeRowInItsHouseholdsBucket()
    {
        using var data = new TestData();
        await data.RunAsync(7);
        var bucketOf = (await RosterRowsAsync(data)).ToDictionary(r => r.Person, r => r.Bucket);
        var households = (await RosterRowsAsync(data)).Select(r => r.Household).ToHashSet();

        var misplaced = new List<string>();
        long rows = 0;
        foreach (var feed in TestData.Catalog.Feeds)
        {
            foreach (var file in TableFiles.Lake(data.Root, TestData.Quarter, feed.Code))
            {
                var keys = await ParquetFile.ReadAsync<long>(file.Path, KeyColumns.For(feed.Unit));
                rows += keys.Length;
                var wrong = keys.Count(k => (feed.Unit == Core.Catalog.FeedUnit.Person && bucketOf.TryGetValue(k, out var b) ? b : new Buckets(7).Of(k)) != file.Bucket);
                if (wrong > 0)
                {
                    misplaced.Add($"{feed.Code} bucket {file.Bucket}: {wrong} rows");
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(misplaced, Is.Empty);
            Assert.That(rows, Is.EqualTo(TestData.Catalog.Feeds.Count * (long)TestData.RowsPerFeed), "every accepted row of every feed is in one bucket");
            Assert.That(households, Has.Count.EqualTo(TestData.People / 2));
        });
    }

    private static async Task<List<(int Bucket, string Sigungu, long Household, long Person)>> RosterRowsAsync(TestData data)
    {
        var rows = new List<(int, string, long, long)>();
        foreach (var file in TableFiles.Roster(data.Root, TestData.Quarter))
        {
            var persons = await ParquetFile.ReadAsync<long>(file.Path, RosterColumns.PersonKey);
            var households = await ParquetFile.ReadAsync<long>(file.Path, RosterColumns.HouseholdKey);
            var sigungu = await ParquetFile.ReadStringsAsync(file.Path, RosterColumns.SigunguCode);
            rows.AddRange(persons.Select((p, i) => (file.Bucket, sigungu[i]!, households[i], p)));
        }

        return rows;
    }
}
