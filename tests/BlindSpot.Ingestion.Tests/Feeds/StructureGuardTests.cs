using BlindSpot.Core.Catalog;
using BlindSpot.Ingestion.Reporting;
using BlindSpot.Ingestion.Tests.TestSupport;
using static BlindSpot.Ingestion.Tests.TestSupport.ReportAssertions;

namespace BlindSpot.Ingestion.Tests.Feeds;

/// <summary>Issue 14, finding 2: a stray quote or an over-long field costs its own line, never the rest of the feed.</summary>
public sealed class StructureGuardTests
{
    // KEPCO: cp949, comma, 2 % reject limit: one bad line in 300 stays under it, a swallowed feed would not be noticed.
    private static readonly FeedDefinition Arrears = TestData.Catalog.GetFeed("electricity_arrears");

    // One bucket, and seven: the quarantine and the counts do not depend on how the rows are split.
    [TestCase(1)]
    [TestCase(7)]
    public async Task RunAsync_StrayOpeningQuoteEarlyInAFeed_QuarantinesThatLineAndReadsTheRest(int buckets)
    {
        using var data = new TestData();
        var rows = data.ValidRows(Arrears, 300);
        rows[8][2] = "\"3";
        data.WriteFeed(Arrears, rows);

        var report = await data.RunAsync(buckets);

        AssertReconciled(report);
        var feed = Feed(report, Arrears.Code);
        var rejects = await File.ReadAllTextAsync(data.Root.Rejects(TestData.Quarter, Arrears.Code));
        Assert.Multiple(() =>
        {
            Assert.That(feed.Accepted, Is.EqualTo(299), "the reader resynchronises at line 11");
            Assert.That(feed.Rejected, Is.EqualTo(1));
            Assert.That(feed.Lines, Is.EqualTo(300));
            Assert.That(rejects, Does.Contain(",10,,\"quote not closed: a quoted field opened on this line is still open 20 lines"));
        });
    }

    [Test]
    public async Task RunAsync_StrayQuoteOnTheLastLine_QuarantinesOnlyIt()
    {
        using var data = new TestData();
        var rows = data.ValidRows(Arrears, 100);
        rows[^1][2] = "\"3";
        data.WriteFeed(Arrears, rows);

        var report = await data.RunAsync();

        AssertReconciled(report);
        var rejects = await File.ReadAllTextAsync(data.Root.Rejects(TestData.Quarter, Arrears.Code));
        Assert.Multiple(() =>
        {
            Assert.That(Feed(report, Arrears.Code).Accepted, Is.EqualTo(99));
            Assert.That(rejects, Does.Contain(",101,,quote not closed: a quoted field opened on this line is still open at the end of the file"));
        });
    }

    [Test]
    public async Task RunAsync_FiveMegabyteField_QuarantinesThatRowInsteadOfFailingTheFeed()
    {
        using var data = new TestData();
        var rows = data.ValidRows(Arrears, 100);
        rows[3][2] = new string('9', 5 << 20);
        data.WriteFeed(Arrears, rows);

        var report = await data.RunAsync();

        AssertReconciled(report);
        var feed = Feed(report, Arrears.Code);
        var rejects = await File.ReadAllTextAsync(data.Root.Rejects(TestData.Quarter, Arrears.Code));
        Assert.Multiple(() =>
        {
            Assert.That(feed.Status, Is.EqualTo(FeedStatus.Ingested), "electricity_arrears is required");
            Assert.That(feed.Accepted, Is.EqualTo(99));
            Assert.That(feed.Rejected, Is.EqualTo(1));
            Assert.That(rejects, Does.Contain(",5,,\"line longer than the limit: over 1,048,576 bytes from offset"));
            Assert.That(rejects.Length, Is.LessThan(10_000), "only the line's first bytes are kept");
        });
    }

    [Test]
    public async Task RunAsync_FieldOverTheConfiguredLimit_QuarantinesThatRow()
    {
        using var data = new TestData();
        var rows = data.ValidRows(Arrears, 100);
        rows[3][2] = new string('9', 100_000);
        data.WriteFeed(Arrears, rows);

        var report = await data.RunAsync();

        AssertReconciled(report);
        var rejects = await File.ReadAllTextAsync(data.Root.Rejects(TestData.Quarter, Arrears.Code));
        Assert.Multiple(() =>
        {
            Assert.That(Feed(report, Arrears.Code).Accepted, Is.EqualTo(99));
            Assert.That(rejects, Does.Contain(",5,,\"line longer than the limit: 100,0"));
        });
    }

    [Test]
    public async Task RunAsync_QuotedFieldOverTwoLines_IsOneRecordAndTheLinesAddUp()
    {
        using var data = new TestData();
        var rows = data.ValidRows(Arrears).Select((r, i) => r.Append(i == 0 ? "\"두 줄\n메모\"" : "").ToArray());
        data.WriteFeed(Arrears, rows, header: [.. Arrears.Columns.Select(c => c.HeaderKo), "비고"]);

        var report = await data.RunAsync();

        var feed = Feed(report, Arrears.Code);
        Assert.Multiple(() =>
        {
            Assert.That(feed.RowsRead, Is.EqualTo(TestData.RowsPerFeed));
            Assert.That(feed.Lines, Is.EqualTo(TestData.RowsPerFeed + 1));
        });
    }
}
