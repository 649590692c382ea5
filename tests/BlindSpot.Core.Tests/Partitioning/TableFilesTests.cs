using BlindSpot.Core.Paths;
using BlindSpot.Core.Partitioning;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Stages;

namespace BlindSpot.Core.Tests.Partitioning;

public sealed class TableFilesTests
{
    private static readonly Quarter Q = Quarter.Parse("2026Q3");
    private string directory = null!;

    [SetUp]
    public void SetUp() => directory = Directory.CreateTempSubdirectory("blindspot-table-files-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(directory, recursive: true);

    [Test]
    public void Lake_AllOrSomeBuckets_InBucketOrderSkippingOtherFiles()
    {
        var root = new DataRoot(directory);
        foreach (var bucket in new[] { 11, 2, 0 })
        {
            Touch(root.LakeBucket(Q, "gas_arrears", bucket));
        }

        Touch(Path.Combine(root.LakeFeedFolder(Q, "gas_arrears"), "bucket=003", "part-0.parquet.tmp"));
        Touch(Path.Combine(root.LakeFeedFolder(Q, "gas_arrears"), "notes", "part-0.parquet"));

        Assert.Multiple(() =>
        {
            Assert.That(TableFiles.Lake(root, Q, "gas_arrears").Select(f => f.Bucket), Is.EqualTo(new[] { 0, 2, 11 }));
            Assert.That(TableFiles.Lake(root, Q, "gas_arrears").Select(f => f.Path), Is.EqualTo(new[] { 0, 2, 11 }.Select(b => root.LakeBucket(Q, "gas_arrears", b))));
            Assert.That(TableFiles.Lake(root, Q, "gas_arrears", [2, 5]).Select(f => f.Bucket), Is.EqualTo(new[] { 2 }));
            Assert.That(TableFiles.Lake(root, Q, "water_cutoff"), Is.Empty, "an absent feed has no files");
        });
    }

    [Test]
    public void FileSet_Recursive_ListsAndCoversBucketFiles()
    {
        var root = new DataRoot(directory);
        Touch(root.RosterBucket(Q, 0));
        Touch(root.RosterBucket(Q, 1));
        var tree = new FileSet(root.RosterFolder(Q), "part-*.parquet", Recursive: true);
        var flat = new FileSet(root.RosterFolder(Q), "part-*.parquet");

        Assert.Multiple(() =>
        {
            Assert.That(tree.List(), Is.EqualTo(new[] { root.RosterBucket(Q, 0), root.RosterBucket(Q, 1) }));
            Assert.That(flat.List(), Is.Empty);
            Assert.That(tree.Covers(root.RosterBucket(Q, 5)), Is.True);
            Assert.That(tree.Covers(root.LakeBucket(Q, "gas_arrears", 0)), Is.False);
            Assert.That(flat.Covers(root.RosterBucket(Q, 5)), Is.False);
        });
    }

    [Test]
    public void Roster_BucketOfThePartitioningMissing_NamesIt()
    {
        var root = new DataRoot(directory);
        new PartitioningRecord { Buckets = 3 }.Save(root.Partitioning(Q));
        Touch(root.RosterBucket(Q, 0));
        Touch(root.RosterBucket(Q, 2));

        var error = Assert.Throws<InvalidDataException>(() => TableFiles.Roster(root, Q));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.StartWith(root.RosterFolder(Q)).And.Contain("bucket=001 has no roster file"));
            Assert.That(TableFiles.Roster(root, Q, [0, 2]).Select(f => f.Bucket), Is.EqualTo(new[] { 0, 2 }), "a reader of some buckets needs only those");
        });
    }

    private static void Touch(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Empty);
    }
}
