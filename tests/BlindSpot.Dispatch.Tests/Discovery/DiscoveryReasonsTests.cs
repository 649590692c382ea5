using BlindSpot.Core.Catalog;
using BlindSpot.Core.Partitioning;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Discovery;
using BlindSpot.Testing;

namespace BlindSpot.Dispatch.Tests.Discovery;

/// <summary>The reason sentences of own-discovery cases come from the lake buckets of the people's households only.</summary>
public sealed class DiscoveryReasonsTests
{
    private static readonly FeedCatalog Catalog = FeedCatalog.LoadDefault();
    private static readonly Quarter Quarter = new(2026, 3);

    // With B = 2 a household key's bucket is its half of the 64-bit range: negative keys bucket 0, others bucket 1.
    private const long LowHousehold = -5;
    private const long HighHousehold = 5;

    [Test]
    public async Task RenderAsync_ReadsOnlyThePeoplesBuckets_AnUnreadableOtherBucketIsNeverOpened()
    {
        var root = new DataRoot(Directory.CreateTempSubdirectory("blindspot-reasons-").FullName);
        try
        {
            var feed = Catalog.GetFeed("health_insurance_arrears");
            new PartitioningRecord { Buckets = 2 }.Save(root.Partitioning(Quarter));
            await LakeWriter.WriteFeedAsync(root, Quarter, feed, [new LakeRecordRow(LowHousehold, new Dictionary<string, object> { ["event_date"] = new DateOnly(2026, 8, 20), ["months"] = 4, ["amount"] = 320_000L })]);
            // The writer puts bucket 0 where B = 2 says the low household belongs; bucket 1 holds a file no reader could open.
            Assert.That(new Buckets(2).Of(LowHousehold), Is.Zero);
            Assert.That(new Buckets(2).Of(HighHousehold), Is.EqualTo(1));
            var broken = root.LakeBucket(Quarter, feed.Code, 1);
            Directory.CreateDirectory(Path.GetDirectoryName(broken)!);
            await File.WriteAllTextAsync(broken, "not parquet");
            var person = Person(1, LowHousehold);
            var index = new DiscoveryIndex(Quarter.ToString(), "11110", [feed.Code], [Variant.Household], [person]);

            var reasons = await DiscoveryReasons.RenderAsync(Catalog, root, Quarter, index, [person], CancellationToken.None);

            Assert.That(reasons[person.PersonKey], Has.Count.EqualTo(1));
            Assert.That(reasons[person.PersonKey][0], Does.Contain("4개월").And.Contain("320,000"), "the latest record of the person's own bucket");
            Assert.That(() => DiscoveryReasons.RenderAsync(Catalog, root, Quarter, index with { People = [Person(2, HighHousehold)] }, [Person(2, HighHousehold)], CancellationToken.None),
                Throws.Exception, "bucket 1 is read for someone whose household lies there (the broken file proves which files are read)");
        }
        finally
        {
            Directory.Delete(root.Path, recursive: true);
        }
    }

    private static DiscoveryPerson Person(long key, long household) => new()
    {
        PersonKey = key, HouseholdKey = household, Eupmyeondong = "11110505", Age = 50, Sex = 'M', Traits = default, HouseholdSize = 1, Feeds = 1, Records = 1,
        Grades = [DiscoveryGrade.None], SigunguRanks = [0], Name = "가", MaskedResidentNumber = "", Address = "", Phone = "",
    };
}
