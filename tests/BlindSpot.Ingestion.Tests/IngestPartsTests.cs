using BlindSpot.Core.Hashing;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Runs;
using BlindSpot.Core.Stages;
using BlindSpot.Ingestion.Reporting;
using BlindSpot.Ingestion.Tests.TestSupport;
using static BlindSpot.Ingestion.Tests.TestSupport.ReportAssertions;

namespace BlindSpot.Ingestion.Tests;

/// <summary>
/// Ingest as parts, as the pipeline's jobs run it: the roster part, then one part per feed, each with its own checkpoint,
/// then the reduce (<see cref="IngestStage.FromParts"/>) through the stage's checkpoint. Same files and the same
/// reconciliation as the single-process stage; a current part is not done again; a part that crashed is the only one a
/// rerun does.
/// </summary>
public sealed class IngestPartsTests
{
    private const string Gas = "gas_arrears";

    [TestCase(null, Description = "the default: one bucket for 120 people")]
    [TestCase(7, Description = "more buckets than most feeds have rows in some of them")]
    public async Task RunPartAsync_EveryPartThenReduce_SameFilesAndRecordAsSingleProcessIngest(int? buckets)
    {
        using var single = new TestData();
        using var split = new TestData();
        var expected = await single.Job(buckets).RunAsync();

        var ran = await RunAllPartsAsync(split, Parts(buckets));
        var reduced = await ReduceAsync(split, buckets);

        var report = (IngestReport)reduced.Outcome!.Detail!;
        var singleRecord = RunManifest.Load(single.Root, TestData.Quarter).Find(StageNames.Ingest)!;
        AssertReconciled(report);
        Assert.Multiple(() =>
        {
            Assert.That(ran.Values, Is.All.True, "every part ran once");
            Assert.That(ran, Has.Count.EqualTo(1 + TestData.Catalog.Feeds.Count));
            Assert.That(Hashes(split), Is.EqualTo(Hashes(single)).And.Count.GreaterThan(TestData.Catalog.Feeds.Count));
            Assert.That(report.All.Select(Counts), Is.EqualTo(expected.All.Select(Counts)));
            Assert.That(reduced.Record.Inputs, Is.EqualTo(singleRecord.Inputs), "the same stage key");
            Assert.That(reduced.Record.Outputs.Keys, Is.EqualTo(singleRecord.Outputs.Keys), "the same outputs");
            Assert.That(reduced.Record.Counts, Is.EqualTo(singleRecord.Counts));
        });
    }

    [Test]
    public async Task RunPartAsync_PartsCurrent_AreSkippedAndTheirFilesLeftAlone()
    {
        using var data = new TestData();
        await data.RunAsync();
        var before = WriteTimes(data);

        var ran = await RunAllPartsAsync(data, Parts());

        Assert.Multiple(() =>
        {
            Assert.That(ran.Values, Is.All.False, "the single-process run checkpointed every part");
            Assert.That(WriteTimes(data), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task RunPartAsync_StageCompletedWithoutPartRecords_KeepsItsFilesAndRunsNoPart()
    {
        // A data root ingested before ingest had parts (or whose ingest-parts/ was removed): the completed stage's
        // report and record stand for the parts, as long as its files still hash as recorded.
        using var data = new TestData();
        await data.RunAsync();
        Directory.Delete(Path.Combine(data.Folder, "runs", TestData.Quarter.ToString(), "ingest-parts"), recursive: true);
        var before = WriteTimes(data);

        var ran = await RunAllPartsAsync(data, Parts());

        Assert.Multiple(() =>
        {
            Assert.That(ran.Values, Is.All.False);
            Assert.That(ran, Has.Count.EqualTo(1 + TestData.Catalog.Feeds.Count));
            Assert.That(WriteTimes(data), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task RunAsync_StageCompletedWithoutPartRecords_OneFeedRedelivered_ReingestsOnlyThatFeed()
    {
        // The same in one process, where the checkpoint has already marked the stage running when it starts: the
        // record before the run is what stands for the parts.
        using var data = new TestData();
        await data.RunAsync();
        Directory.Delete(Path.Combine(data.Folder, "runs", TestData.Quarter.ToString(), "ingest-parts"), recursive: true);
        var feed = TestData.Catalog.GetFeed(Gas);
        var rows = data.ValidRows(feed);
        rows[0][3] = "99999";
        data.WriteFeed(feed, rows);

        var report = await data.RunAsync();

        Assert.Multiple(() =>
        {
            Assert.That(report.Feeds.Single(f => f.Feed == Gas).Status, Is.EqualTo(FeedStatus.Ingested));
            Assert.That(report.All.Where(f => f.Feed != Gas).Select(f => f.Status), Is.All.EqualTo(FeedStatus.Skipped));
        });
    }

    [Test]
    public async Task RunPartAsync_OnePartCrashed_RerunRedoesOnlyThatPart()
    {
        using var data = new TestData();
        var parts = Parts();
        // A file where the feed writes its buckets before swapping them in: its part fails half-way with an I/O error,
        // as a crash would leave it (no record), while every other part completes.
        var blocker = data.Root.LakeFeedFolder(TestData.Quarter, Gas) + ".tmp";
        Directory.CreateDirectory(Path.GetDirectoryName(blocker)!);
        File.WriteAllText(blocker, "in the way");
        Assert.That(await parts.RunPartAsync(data.Root, TestData.Quarter, parts.RosterPart), Is.True);
        foreach (var feed in parts.FeedParts(data.Root, TestData.Quarter).Where(f => f != Gas))
        {
            await parts.RunPartAsync(data.Root, TestData.Quarter, feed);
        }

        Assert.That(() => parts.RunPartAsync(data.Root, TestData.Quarter, Gas), Throws.InstanceOf<IOException>());
        Assert.That(() => ReduceAsync(data, null), Throws.InvalidOperationException.With.Message.Contains(Gas), "the reduce names the part not done");
        File.Delete(blocker);
        var before = WriteTimes(data);

        var ran = await RunAllPartsAsync(data, parts);
        var report = (IngestReport)(await ReduceAsync(data, null)).Outcome!.Detail!;

        AssertReconciled(report);
        Assert.Multiple(() =>
        {
            Assert.That(ran.Where(r => r.Value).Select(r => r.Key), Is.EqualTo(new[] { Gas }), "only the crashed part ran again");
            Assert.That(WriteTimes(data).Where(f => !f.Key.Contains(Gas, StringComparison.Ordinal)), Is.EqualTo(before.Where(f => !f.Key.Contains(Gas, StringComparison.Ordinal))));
            Assert.That(report.Feeds.Single(f => f.Feed == Gas).Accepted, Is.EqualTo(TestData.RowsPerFeed));
        });
    }

    [Test]
    public async Task RunPartAsync_RejectedDelivery_ThrowsADataErrorNamingTheFile()
    {
        using var data = new TestData();
        var parts = Parts();
        var feed = TestData.Catalog.GetFeed("water_arrears");
        File.WriteAllBytes(data.RawPath(feed), []);
        await parts.RunPartAsync(data.Root, TestData.Quarter, parts.RosterPart);

        var error = Assert.ThrowsAsync<IngestException>(() => parts.RunPartAsync(data.Root, TestData.Quarter, feed.Code));

        Assert.That(error!.Message, Does.Contain($"raw/{TestData.Quarter}/{feed.Source}/{feed.Code}.csv"));
    }

    [Test]
    public void RunPartAsync_FeedBeforeRoster_ThrowsSayingTheRosterPartComesFirst()
    {
        using var data = new TestData();
        var parts = Parts();

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => parts.RunPartAsync(data.Root, TestData.Quarter, Gas));

        Assert.That(error!.Message, Does.Contain("roster part"));
    }

    private static IngestOptions Options(int? buckets = null) =>
        new() { Catalog = TestData.Catalog, Pseudonymizer = Pseudonymizer.ForSampleData(), RowGroupSize = 1_000, Buckets = buckets };

    private static IngestParts Parts(int? buckets = null) => new(Options(buckets));

    // The roster part, then every feed part: part → whether it ran.
    private static async Task<Dictionary<string, bool>> RunAllPartsAsync(TestData data, IngestParts parts)
    {
        var ran = new Dictionary<string, bool> { [parts.RosterPart] = await parts.RunPartAsync(data.Root, TestData.Quarter, parts.RosterPart) };
        foreach (var feed in parts.FeedParts(data.Root, TestData.Quarter))
        {
            ran[feed] = await parts.RunPartAsync(data.Root, TestData.Quarter, feed);
        }

        return ran;
    }

    private static Task<StageResult> ReduceAsync(TestData data, int? buckets) =>
        new StageCheckpoint(TimeProvider.System).RunAsync(IngestStage.FromParts(Options(buckets)), data.Root, TestData.Quarter);

    private static (string, FeedStatus, long, long, long, long, long) Counts(FeedReport f) => (f.Feed, f.Status, f.RowsRead, f.Accepted, f.Rejected, f.Duplicates, f.UnknownKeys);

    // Relative path → SHA-256 of the roster, lake and quarantine files (not the report, which holds durations).
    private static SortedDictionary<string, string> Hashes(TestData data) => new(
        Outputs(data).ToDictionary(f => data.Root.Relative(f), FileHash.Sha256),
        StringComparer.Ordinal);

    private static Dictionary<string, DateTime> WriteTimes(TestData data) => Outputs(data).ToDictionary(f => data.Root.Relative(f), File.GetLastWriteTimeUtc);

    private static IEnumerable<string> Outputs(TestData data) =>
        new[] { "roster", "lake", "quarantine" }.Select(f => Path.Combine(data.Folder, f)).Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Where(f => !f.EndsWith("ingest-report.json", StringComparison.Ordinal));
}
