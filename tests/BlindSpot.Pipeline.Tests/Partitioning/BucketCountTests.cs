using BlindSpot.Core.Partitioning;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Ingestion.Reporting;
using BlindSpot.Pipeline.Tests.TestSupport;

namespace BlindSpot.Pipeline.Tests.Partitioning;

/// <summary>
/// The sample quarter run end to end with B = 1, B = 7 and the default (one bucket per 500,000 people: 1 for the
/// sample): the roster, lake and features are split differently, every person's feature row is the same, and scores,
/// worklists, the register and the own-discovery index (built one bucket at a time) are the same, byte for byte.
/// </summary>
[NonParallelizable]
public sealed class BucketCountTests
{
    private static readonly Quarter Q = Quarter.Parse(SampleRoot.Quarter);

    private static readonly Lazy<Task<Dictionary<string, Run>>> Runs = new(RunAllAsync);

    [Test]
    public async Task Run_AnyBucketCount_SameScoresWorklistsAndDiscoveryIndex()
    {
        var runs = await Runs.Value;

        Assert.Multiple(() =>
        {
            Assert.That(runs["7"].Outputs, Has.Count.GreaterThan(200), "scores, worklists and the register were written");
            Assert.That(runs["7"].Outputs.Keys.Count(k => k.StartsWith("discovery", StringComparison.Ordinal)), Is.GreaterThan(200), "one discovery index per 시군구 was written");
            Assert.That(runs["7"].Outputs, Is.EqualTo(runs["1"].Outputs));
            Assert.That(runs["default"].Outputs, Is.EqualTo(runs["1"].Outputs));
        });
    }

    [Test]
    public async Task Run_AnyBucketCount_SameFeatureRows()
    {
        var runs = await Runs.Value;
        var one = await FeatureRows.ReadAsync(new DataRoot(runs["1"].Root).FeaturesFolder(Q));
        var seven = await FeatureRows.ReadAsync(new DataRoot(runs["7"].Root).FeaturesFolder(Q));
        var byDefault = await FeatureRows.ReadAsync(new DataRoot(runs["default"].Root).FeaturesFolder(Q));

        Assert.Multiple(() =>
        {
            Assert.That(one, Has.Count.EqualTo(PartitioningRecord.Load(new DataRoot(runs["1"].Root).Partitioning(Q))!.People.Sum()), "one feature row per roster person");
            Assert.That(seven, Is.EqualTo(one));
            Assert.That(byDefault, Is.EqualTo(one));
            Assert.That(TableFiles.InFolder(new DataRoot(runs["7"].Root).FeaturesFolder(Q)).Select(f => f.Bucket), Is.EqualTo(Enumerable.Range(0, 7)), "one features part per bucket");
        });
    }

    [Test]
    public async Task Run_SevenBuckets_RosterAndLakeSplitSeven()
    {
        var runs = await Runs.Value;
        var root = new DataRoot(runs["7"].Root);

        Assert.Multiple(() =>
        {
            Assert.That(PartitioningRecord.Load(root.Partitioning(Q))!.Buckets, Is.EqualTo(7));
            Assert.That(TableFiles.Roster(root, Q).Select(f => f.Bucket), Is.EqualTo(Enumerable.Range(0, 7)));
            Assert.That(TableFiles.Lake(root, Q, "health_insurance_arrears").Select(f => f.Bucket), Is.EqualTo(Enumerable.Range(0, 7)));
            Assert.That(PartitioningRecord.Load(new DataRoot(runs["default"].Root).Partitioning(Q))!.Buckets, Is.EqualTo(1), "50,000 people make one default bucket");
        });
    }

    [Test]
    public async Task Run_AnyBucketCount_SameReconciliationAndTheBucketsSumToIt()
    {
        var runs = await Runs.Value;
        var one = runs["1"].Report;
        var seven = runs["7"].Report;

        Assert.Multiple(() =>
        {
            Assert.That(Counts(seven), Is.EqualTo(Counts(one)));
            Assert.That(Counts(runs["default"].Report), Is.EqualTo(Counts(one)));
            Assert.That(seven.Totals.RowsRead, Is.Positive);
            foreach (var feed in seven.All.Where(f => f.Status == FeedStatus.Ingested))
            {
                Assert.That(feed.Reconciled, Is.True, feed.Feed);
                Assert.That(feed.Buckets.Sum(b => b.Accepted), Is.EqualTo(feed.Accepted), feed.Feed);
                Assert.That(feed.Buckets.Select(b => b.Bucket), Is.Unique.And.All.InRange(0, 6), feed.Feed);
            }

            Assert.That(seven.Roster.Buckets, Has.Count.EqualTo(7));
            Assert.That(one.Roster.Buckets.Single().Accepted, Is.EqualTo(one.Roster.Accepted));
        });
    }

    private static List<string> Counts(IngestReport report) =>
        [.. report.All.Select(f => $"{f.Feed} {f.Status} read={f.RowsRead} accepted={f.Accepted} rejected={f.Rejected} duplicates={f.Duplicates} unknown={f.UnknownKeys}")];

    private static async Task<Dictionary<string, Run>> RunAllAsync()
    {
        var runs = new Dictionary<string, Run>(StringComparer.Ordinal);
        foreach (var (name, buckets) in new[] { ("1", (int?)1), ("7", 7), ("default", null) })
        {
            var root = await SampleRoot.CopyAsync();
            await using (var pipeline = new TestPipeline(root, SampleRoot.Models, buckets: buckets))
            {
                var (outcome, _) = await pipeline.RunAsync(SampleRoot.Quarter);
                Assert.That(outcome.Succeeded, Is.True, outcome.Error);
            }

            var outputs = SampleRoot.Hashes(root, Path.Combine("scores", SampleRoot.Quarter), Path.Combine("worklists", SampleRoot.Quarter), Path.Combine("discovery", SampleRoot.Quarter));
            var register = new DataRoot(root).PastDispatches(Q);
            outputs[Path.GetRelativePath(root, register)] = Core.Hashing.FileHash.Sha256(register);
            var report = IngestReport.Load(new DataRoot(root).IngestReport(Q))!;
            runs[name] = new Run(root, outputs, report);
        }

        return runs;
    }

    private sealed record Run(string Root, SortedDictionary<string, string> Outputs, IngestReport Report);
}
