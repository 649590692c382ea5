using BlindSpot.Core.Catalog;
using BlindSpot.Core.Contracts;
using BlindSpot.Core.Partitioning;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Ingestion.Roster;
using Parquet;
using Parquet.Schema;

namespace BlindSpot.Ingestion.Tests.Roster;

public sealed class RosterIndexReaderTests
{
    private string directory = null!;

    private static readonly Quarter Q = Quarter.Parse("2026Q3");

    private DataRoot Root => new(directory);

    private string RosterPath => Root.RosterBucket(Q, 0);

    [SetUp]
    public void SetUp() => directory = Directory.CreateTempSubdirectory("blindspot-roster-index-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(directory, recursive: true);

    [Test]
    public async Task ReadAsync_KeptRosterOfTwoBuckets_KnowsEveryPersonHouseholdAndBucket()
    {
        var key = new DataField<long>(RosterColumns.PersonKey, false);
        var household = new DataField<long>(RosterColumns.HouseholdKey, false);
        new PartitioningRecord { Buckets = 2 }.Save(Root.Partitioning(Q));
        foreach (var (bucket, persons, households) in new[] { (0, new long[] { 11, 12 }, new long[] { 100, 100 }), (1, new long[] { 21 }, new long[] { 200 }) })
        {
            var path = Root.RosterBucket(Q, bucket);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using var stream = File.Create(path);
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(key, household), stream);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(key, (ReadOnlyMemory<long>)persons);
            await group.WriteAsync(household, (ReadOnlyMemory<long>)households);
        }

        var index = await RosterIndexReader.ReadAsync(Root, Q, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(new long[] { 11, 12, 21, 13 }.Select(k => index.Contains(FeedUnit.Person, k)), Is.EqualTo(new[] { true, true, true, false }));
            Assert.That(new long[] { 100, 200, 11 }.Select(k => index.Contains(FeedUnit.Household, k)), Is.EqualTo(new[] { true, true, false }));
            Assert.That(new long[] { 11, 12, 21 }.Select(k => index.BucketOf(FeedUnit.Person, k)), Is.EqualTo(new[] { 0, 0, 1 }), "a person's bucket is the file's");
            Assert.That(index.Buckets.Count, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task ReadAsync_NotParquet_IngestErrorNamingTheFile()
    {
        new PartitioningRecord { Buckets = 1 }.Save(Root.Partitioning(Q));
        Directory.CreateDirectory(Path.GetDirectoryName(RosterPath)!);
        await File.WriteAllTextAsync(RosterPath, "not a parquet file");

        var error = Assert.ThrowsAsync<IngestException>(() => RosterIndexReader.ReadAsync(Root, Q, CancellationToken.None));

        Assert.That(error!.Message, Does.StartWith(Root.RosterFolder(Q)).And.Contain("cannot read the kept roster"));
    }
}
