using BlindSpot.Core.Partitioning;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Discovery;

namespace BlindSpot.Dispatch.Tests.Discovery;

public sealed class DiscoveryMemoryTests
{
    [Test]
    public void HeapLimit_SameRosterInSmallerBuckets_IsSmaller()
    {
        const long people = 51_000_000;

        var oneBucket = DiscoveryMemory.HeapLimit(people, people);
        var hundredBuckets = DiscoveryMemory.HeapLimit(people / 100, people);

        Assert.Multiple(() =>
        {
            Assert.That(hundredBuckets, Is.LessThan(oneBucket / 4), "the dense columns follow the bucket");
            Assert.That(hundredBuckets, Is.GreaterThanOrEqualTo(DiscoveryMemory.BytesPerCandidate * people), "the candidates' keys follow the roster");
        });
    }

    [Test]
    public void HeapLimit_SmallRoster_IsTheFloor() =>
        Assert.That(DiscoveryMemory.HeapLimit(1_000, 1_000), Is.EqualTo(DiscoveryMemory.FloorBytes));

    [Test]
    public async Task HeapLimitAsync_Record_UsesTheLargestBucketAndTheSum()
    {
        var root = new DataRoot(Directory.CreateTempSubdirectory("blindspot-discovery-memory-").FullName);
        try
        {
            var quarter = Quarter.Parse("2026Q3");
            new PartitioningRecord { Buckets = 3, People = [10_000_000, 30_000_000, 20_000_000] }.Save(root.Partitioning(quarter));

            var limit = await DiscoveryMemory.HeapLimitAsync(root, quarter);

            Assert.That(limit, Is.EqualTo(DiscoveryMemory.HeapLimit(30_000_000, 60_000_000)));
        }
        finally
        {
            Directory.Delete(root.Path, recursive: true);
        }
    }

    [Test]
    public async Task HeapLimitAsync_NoRecord_IsNull()
    {
        var root = new DataRoot(Directory.CreateTempSubdirectory("blindspot-discovery-memory-").FullName);
        try
        {
            Assert.That(await DiscoveryMemory.HeapLimitAsync(root, Quarter.Parse("2026Q3")), Is.Null);
        }
        finally
        {
            Directory.Delete(root.Path, recursive: true);
        }
    }
}
