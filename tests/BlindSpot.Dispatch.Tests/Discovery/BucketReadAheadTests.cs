using BlindSpot.Dispatch.Discovery;

namespace BlindSpot.Dispatch.Tests.Discovery;

/// <summary>The discovery index reads buckets a core at a time ahead, and spills them in bucket order.</summary>
public sealed class BucketReadAheadTests
{
    [Test]
    public async Task InBucketOrder_LaterReadsFinishFirst_YieldsInTheOrderGiven()
    {
        // Bucket 0 finishes last: the order must still be 0, 1, 2, 3, 4.
        var delays = new[] { 300, 10, 50, 0, 20 };
        var reads = delays.Select((delay, bucket) => (Func<Task<int>>)(async () =>
        {
            await Task.Delay(delay);
            return bucket;
        }));

        var seen = new List<int>();
        await foreach (var bucket in DiscoveryIndexBuilder.InBucketOrder(reads, window: 3))
        {
            seen.Add(bucket);
        }

        Assert.That(seen, Is.EqualTo(new[] { 0, 1, 2, 3, 4 }));
    }

    [Test]
    public async Task InBucketOrder_Window_NeverStartsMoreThanTheWindowAhead()
    {
        var running = 0;
        var most = 0;
        var gate = new object();
        var reads = Enumerable.Range(0, 8).Select(bucket => (Func<Task<int>>)(async () =>
        {
            lock (gate)
            {
                most = Math.Max(most, ++running);
            }

            await Task.Delay(20);
            lock (gate)
            {
                running--;
            }

            return bucket;
        }));

        var count = 0;
        await foreach (var _ in DiscoveryIndexBuilder.InBucketOrder(reads, window: 2))
        {
            count++;
        }

        Assert.Multiple(() =>
        {
            Assert.That(count, Is.EqualTo(8));
            Assert.That(most, Is.EqualTo(2), "two reads overlap, never three");
        });
    }

    [Test]
    public void InBucketOrder_ReadFails_ThrowsItAfterTheOtherStartedReadsEnded()
    {
        var slowEnded = false;
        Func<Task<int>>[] reads =
        [
            () => Task.FromException<int>(new InvalidDataException("bucket 0 is damaged")),
            async () =>
            {
                await Task.Delay(200);
                slowEnded = true;
                return 1;
            },
        ];

        var error = Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await foreach (var _ in DiscoveryIndexBuilder.InBucketOrder(reads, window: 2))
            {
            }
        });

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("bucket 0"));
            Assert.That(slowEnded, Is.True, "the read started beside the failed one ended before the error reached the caller");
        });
    }
}
