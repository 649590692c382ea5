using System.IO.Compression;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Runs;
using BlindSpot.Core.Stages;
using BlindSpot.Ingestion.Reporting;
using BlindSpot.Ingestion.Tests.TestSupport;
using static BlindSpot.Ingestion.Tests.TestSupport.ReportAssertions;

namespace BlindSpot.Ingestion.Tests.Reading;

/// <summary>Issue 14, finding 1: a cut-off or corrupt .csv.gz fails its feed (or the roster) naming the file, never reads as a shorter file.</summary>
public sealed class DamagedGzipTests
{
    private static readonly FeedDefinition Arrears = TestData.Catalog.GetFeed("electricity_arrears");

    [Test]
    public void RunAsync_RosterCutAtAFlushPoint_FailsNamingTheFile()
    {
        using var data = new TestData();
        var path = data.RawPath(TestData.Catalog.Roster);
        var flushPoint = GzipDelivery.Compress(path);
        GzipDelivery.Truncate(path + ".gz", flushPoint);
        Assert.That(Decompressed(path + ".gz"), Is.GreaterThan(0), "the cut file still decompresses quietly: the case .NET does not catch");

        var error = Assert.ThrowsAsync<IngestException>(data.RunAsync);

        var report = SavedReport(data);
        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("raw/2026Q3/MOIS/resident_registration.csv.gz: the gzip file is cut off or corrupt"));
            Assert.That(error.Message, Does.Contain($"at compressed offset {flushPoint:N0}"));
            Assert.That(report.Roster.Status, Is.EqualTo(FeedStatus.Failed));
            Assert.That(File.Exists(data.Root.RosterBucket(TestData.Quarter, 0)), Is.False, "no roster of part of the population");
        });
    }

    // One bucket, and seven: no bucket of a cut feed is published.
    [TestCase(1)]
    [TestCase(7)]
    public void RunAsync_FeedCutAtAFlushPoint_FailsTheFeedNamingTheFile(int buckets)
    {
        using var data = new TestData();
        data.WriteFeed(Arrears, data.ValidRows(Arrears, 100));
        var path = data.RawPath(Arrears);
        GzipDelivery.Truncate(path + ".gz", GzipDelivery.Compress(path));

        var error = Assert.ThrowsAsync<IngestException>(() => data.RunAsync(buckets));

        var report = SavedReport(data);
        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("raw/2026Q3/KEPCO/electricity_arrears.csv.gz: the gzip file is cut off or corrupt"));
            Assert.That(Feed(report, Arrears.Code).Status, Is.EqualTo(FeedStatus.Failed));
            Assert.That(Directory.Exists(data.Root.LakeFeedFolder(TestData.Quarter, Arrears.Code)), Is.False, "no bucket of the feed");
            Assert.That(Directory.Exists(data.Root.LakeFeedFolder(TestData.Quarter, Arrears.Code) + ".tmp"), Is.False, "nor its staging folder");
            Assert.That(report.Roster.Status, Is.EqualTo(FeedStatus.Ingested), "the other deliveries still run");
        });
    }

    [Test]
    public void RunAsync_CorruptGzip_FailsNamingTheFileAndLeavesNoRunningRecord()
    {
        using var data = new TestData();
        var path = data.RawPath(Arrears);
        GzipDelivery.Compress(path);
        var bytes = File.ReadAllBytes(path + ".gz");
        bytes[2] = 0x07; // compression method: not deflate
        File.WriteAllBytes(path + ".gz", bytes);

        var error = Assert.ThrowsAsync<IngestException>(data.RunAsync);

        var record = RunManifest.LoadOrCreate(data.Root.RunManifest(TestData.Quarter), TestData.Quarter.ToString()).Find(StageNames.Ingest);
        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("raw/2026Q3/KEPCO/electricity_arrears.csv.gz: the gzip data is corrupt near compressed offset"));
            Assert.That(record?.State, Is.EqualTo(StageState.Failed));
            Assert.That(record?.Error, Does.Contain("electricity_arrears.csv.gz"));
        });
    }

    [Test]
    public void RunAsync_FileNamedGzButPlain_FailsSayingSo()
    {
        using var data = new TestData();
        var path = data.RawPath(Arrears);
        File.Move(path, path + ".gz");

        var error = Assert.ThrowsAsync<IngestException>(data.RunAsync);

        Assert.That(error!.Message, Does.Contain("raw/2026Q3/KEPCO/electricity_arrears.csv.gz: named .gz but not gzip data"));
    }

    [Test]
    public async Task RunAsync_CompleteGzip_IsVerifiedAndRead()
    {
        using var data = new TestData();
        GzipDelivery.Compress(data.RawPath(TestData.Catalog.Roster));

        var report = await data.RunAsync();

        Assert.That(report.Roster.Accepted, Is.EqualTo(TestData.People));
    }

    private static long Decompressed(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        var total = 0L;
        var buffer = new byte[4096];
        for (int n; (n = gzip.Read(buffer)) > 0;)
        {
            total += n;
        }

        return total;
    }
}
