using System.IO.Compression;
using BlindSpot.Core.Hashing;
using BlindSpot.Ingestion.Reporting;
using BlindSpot.Ingestion.Tests.TestSupport;
using static BlindSpot.Ingestion.Tests.TestSupport.ReportAssertions;

namespace BlindSpot.Ingestion.Tests;

public sealed class IngestJobTests
{
    [Test]
    public async Task RunAsync_ValidQuarter_IngestsEveryFeedReconciled()
    {
        using var data = new TestData();

        var report = await data.RunAsync();

        AssertReconciled(report);
        Assert.Multiple(() =>
        {
            Assert.That(report.Feeds, Has.Count.EqualTo(TestData.Catalog.Feeds.Count));
            Assert.That(report.All.Select(f => f.Status), Is.All.EqualTo(FeedStatus.Ingested));
            Assert.That(report.Roster.Accepted, Is.EqualTo(TestData.People));
            Assert.That(report.Feeds.Select(f => f.Accepted), Is.All.EqualTo(TestData.RowsPerFeed));
            Assert.That(report.Totals.UnknownKeys, Is.Zero);
            Assert.That(report.Warnings, Is.Empty);
            Assert.That(File.Exists(data.Root.IngestReport(TestData.Quarter)), Is.True);
        });
    }

    [Test]
    public async Task RunAsync_UnchangedInputs_SkipsAndKeepsOutputs()
    {
        using var data = new TestData();
        await data.RunAsync();
        var before = OutputHashes(data);

        var second = await data.RunAsync();

        Assert.Multiple(() =>
        {
            Assert.That(second.Skipped, Is.True);
            Assert.That(OutputHashes(data), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task RunAsync_ChangedInput_RewritesByteIdenticalParquetForUnchangedFeeds()
    {
        // Deleting the manifest forces a full rerun: every Parquet file must come out byte for byte the same.
        using var data = new TestData();
        await data.RunAsync();
        var before = OutputHashes(data);
        File.Delete(data.Root.RunManifest(TestData.Quarter));

        var second = await data.RunAsync();

        Assert.Multiple(() =>
        {
            Assert.That(second.Skipped, Is.False);
            Assert.That(OutputHashes(data), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task RunAsync_OneFeedRedelivered_ReingestsOnlyThatFeed()
    {
        using var data = new TestData();
        await data.RunAsync();
        var before = OutputHashes(data);
        var feed = TestData.Catalog.GetFeed("gas_arrears");
        var rows = data.ValidRows(feed);
        rows[0][3] = "99999";
        data.WriteFeed(feed, rows);

        var second = await data.RunAsync();

        AssertReconciled(second);
        var after = OutputHashes(data);
        var changed = after.Where(pair => before[pair.Key] != pair.Value).Select(pair => data.Root.Relative(pair.Key)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(second.Skipped, Is.False);
            Assert.That(Feed(second, "gas_arrears").Status, Is.EqualTo(FeedStatus.Ingested));
            Assert.That(second.All.Where(f => f.Feed != "gas_arrears").Select(f => f.Status), Is.All.EqualTo(FeedStatus.Skipped));
            Assert.That(changed, Is.EqualTo(new[] { "lake/2026Q3/gas_arrears/bucket=000/part-0.parquet" }));
            Assert.That(second.Totals.Accepted, Is.EqualTo(TestData.People + (TestData.Catalog.Feeds.Count * TestData.RowsPerFeed)));
        });
    }

    [Test]
    public async Task RunAsync_FailedFeedRedelivered_RerunSucceedsReadingOnlyIt()
    {
        using var data = new TestData();
        var feed = TestData.Catalog.GetFeed("water_arrears");
        File.WriteAllBytes(data.RawPath(feed), []);
        Assert.ThrowsAsync<IngestException>(data.RunAsync);
        data.WriteFeed(feed, data.ValidRows(feed));

        var second = await data.RunAsync();

        AssertReconciled(second);
        Assert.Multiple(() =>
        {
            Assert.That(Feed(second, "water_arrears").Status, Is.EqualTo(FeedStatus.Ingested));
            Assert.That(second.Totals.Skipped, Is.EqualTo(TestData.Catalog.Feeds.Count));
        });
    }

    [Test]
    public async Task RunAsync_GzipDelivery_IsReadAndReported()
    {
        using var data = new TestData();
        var feed = TestData.Catalog.GetFeed("water_cutoff");
        var plain = data.RawPath(feed);
        await using (var input = File.OpenRead(plain))
        await using (var output = new GZipStream(File.Create(plain + ".gz"), CompressionLevel.Fastest))
        {
            await input.CopyToAsync(output);
        }

        File.Delete(plain);

        var report = await data.RunAsync();

        var water = Feed(report, "water_cutoff");
        AssertReconciled(report);
        Assert.Multiple(() =>
        {
            Assert.That(water.File, Is.EqualTo("raw/2026Q3/WATER/water_cutoff.csv.gz"));
            Assert.That(water.Accepted, Is.EqualTo(TestData.RowsPerFeed));
        });
    }

    [Test]
    public async Task RunAsync_Outputs_HoldNoResidentNumber()
    {
        using var data = new TestData();
        await data.RunAsync();

        var files = Directory.EnumerateFiles(Path.Combine(data.Folder, "lake"), "*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(data.Folder, "roster"), "*", SearchOption.AllDirectories)).ToList();
        var contents = files.Select(f => System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(f))).ToList();

        // One bucket each (a small roster), and the roster's _partitioning.json.
        Assert.That(files, Has.Count.EqualTo(TestData.Catalog.Feeds.Count + 2));
        foreach (var number in data.Residents.Concat(data.Households))
        {
            Assert.That(contents.Any(c => c.Contains(number, StringComparison.Ordinal) || c.Contains(number.Replace("-", "", StringComparison.Ordinal), StringComparison.Ordinal)), Is.False, number);
        }
    }

    [Test]
    public async Task RunAsync_UnknownKey_IsAcceptedAndCounted()
    {
        using var data = new TestData();
        var feed = TestData.Catalog.GetFeed("pension_arrears");
        var rows = data.ValidRows(feed);
        rows[0][0] = Core.Keys.ResidentNumber.Create(new DateOnly(1999, 9, 9), true, 77_777);
        data.WriteFeed(feed, rows);

        var report = await data.RunAsync();

        AssertReconciled(report);
        Assert.Multiple(() =>
        {
            Assert.That(Feed(report, "pension_arrears").UnknownKeys, Is.EqualTo(1));
            Assert.That(Feed(report, "pension_arrears").Accepted, Is.EqualTo(TestData.RowsPerFeed));
            Assert.That(report.Totals.UnknownKeys, Is.EqualTo(1));
        });
    }

    private static Dictionary<string, string> OutputHashes(TestData data) =>
        Directory.EnumerateFiles(Path.Combine(data.Folder, "lake"), "*.parquet", SearchOption.AllDirectories)
            .Append(data.Root.RosterBucket(TestData.Quarter, 0))
            .ToDictionary(f => f, FileHash.Sha256);
}
