using BlindSpot.Core.Hashing;
using BlindSpot.Core.Partitioning;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Runs;
using BlindSpot.Pipeline.Tests.TestSupport;

namespace BlindSpot.Pipeline.Tests.Partitioning;

/// <summary>
/// The checkpoint of one bucket: after a finished run at B = 7, one bucket's output is deleted (what a crash in that
/// bucket's job leaves) and the quarter is run again; only that bucket is done again, to the same bytes, and the other
/// buckets' files are not touched. In one process (the features stage builds its buckets itself) and as bucket jobs
/// (features buckets and score shards on the shards queue).
/// </summary>
[NonParallelizable]
public sealed class BucketCheckpointTests
{
    private static readonly Quarter Q = Quarter.Parse(SampleRoot.Quarter);

    [Test]
    public async Task Rerun_InProcess_OneFeaturesBucketDeleted_OnlyThatBucketIsBuilt()
    {
        var root = new DataRoot(await SampleRoot.CopyAsync());
        await RunAsync(root, scoreShards: false);
        var parts = Written(root.FeaturesFolder(Q));
        var lost = root.FeaturesBucket(Q, 3);
        var hash = FileHash.Sha256(lost);
        File.Delete(lost);

        await RunAsync(root, scoreShards: false);

        var record = RunManifest.Load(root, Q).Find(PipelineStages.Features)!;
        Assert.Multiple(() =>
        {
            Assert.That(record.Counts["bucketsBuilt"], Is.EqualTo(1));
            Assert.That(record.Counts["buckets"], Is.EqualTo(7));
            Assert.That(FileHash.Sha256(lost), Is.EqualTo(hash), "the bucket was built again to the same bytes");
            Assert.That(Outside(Written(root.FeaturesFolder(Q)), lost), Is.EqualTo(Outside(parts, lost)), "no other bucket was written");
        });
    }

    [Test]
    public async Task Rerun_BucketJobs_OneFeaturesBucketAndOneShardDeleted_OnlyThoseAreDoneAgain()
    {
        var root = new DataRoot(await SampleRoot.CopyAsync());
        await RunAsync(root, scoreShards: true);
        var shards = Path.Combine(Path.GetDirectoryName(root.Scores(Q, Core.Catalog.Variant.Household))!, "shards");
        var parts = Written(root.FeaturesFolder(Q));
        var shardFiles = Directory.GetFiles(shards).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var lostPart = root.FeaturesBucket(Q, 2);
        var lostShard = Path.Combine(shards, "bucket=005.bin");
        var (partHash, shardHash) = (FileHash.Sha256(lostPart), FileHash.Sha256(lostShard));
        File.Delete(lostPart);
        File.Delete(lostShard);

        await RunAsync(root, scoreShards: true);

        Assert.Multiple(() =>
        {
            Assert.That(shardFiles, Has.Count.EqualTo(7), "one shard per bucket");
            Assert.That(FileHash.Sha256(lostPart), Is.EqualTo(partHash));
            Assert.That(FileHash.Sha256(lostShard), Is.EqualTo(shardHash));
            Assert.That(Outside(Written(root.FeaturesFolder(Q)), lostPart), Is.EqualTo(Outside(parts, lostPart)), "no other features bucket was written");
            Assert.That(Directory.GetFiles(shards).Where(f => f != lostShard).ToDictionary(f => f, File.GetLastWriteTimeUtc), Is.EqualTo(shardFiles.Where(s => s.Key != lostShard)), "no other shard was written");
        });
    }

    private static async Task RunAsync(DataRoot root, bool scoreShards)
    {
        await using var pipeline = new TestPipeline(root.Path, SampleRoot.Models, scoreShards: scoreShards, buckets: 7);
        var (outcome, _) = await pipeline.RunAsync(SampleRoot.Quarter);
        Assert.That(outcome.Succeeded, Is.True, outcome.Error);
        Assert.That(TableFiles.Roster(root, Q), Has.Count.EqualTo(7));
    }

    // The files outside the bucket folder of a part (its part and its record are written again together).
    private static Dictionary<string, DateTime> Outside(Dictionary<string, DateTime> files, string part) =>
        files.Where(f => Path.GetDirectoryName(f.Key) != Path.GetDirectoryName(part)).ToDictionary();

    // Every features part and bucket record with its last write time.
    private static Dictionary<string, DateTime> Written(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(Path.GetDirectoryName(f)!).StartsWith("bucket=", StringComparison.Ordinal))
            .ToDictionary(f => f, File.GetLastWriteTimeUtc);
}
