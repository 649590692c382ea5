using System.Text;
using BlindSpot.Core.Catalog;
using BlindSpot.Ingestion.Reporting;
using BlindSpot.Ingestion.Tests.TestSupport;
using static BlindSpot.Ingestion.Tests.TestSupport.ReportAssertions;

namespace BlindSpot.Ingestion.Tests;

/// <summary>One test per delivery problem of issue 3: each checks the message an analyst reads and the reconciliation.</summary>
public sealed class DeliveryProblemTests
{
    // KEPCO: cp949, comma, yyyyMMdd, Korean headers; 2% reject limit. 100 rows so one bad row stays under it.
    private static readonly FeedDefinition Arrears = TestData.Catalog.GetFeed("electricity_arrears");

    [Test]
    public void RunAsync_RequiredFeedsMissing_FailsListingEveryMissingFeed()
    {
        using var data = new TestData();
        File.Delete(data.RawPath(Arrears));
        File.Delete(data.RawPath(TestData.Catalog.GetFeed("dementia")));

        var error = Assert.ThrowsAsync<IngestException>(data.RunAsync);

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("2 required deliveries missing"));
            Assert.That(error.Message, Does.Contain("KEPCO/electricity_arrears.csv").And.Contain("NHIS/dementia.csv"));
            Assert.That(Directory.Exists(Path.Combine(data.Folder, "lake")), Is.False, "nothing is ingested when a required feed is missing");
        });
    }

    [Test]
    public async Task RunAsync_OptionalFeedMissing_WarnsAndSucceeds()
    {
        using var data = new TestData();
        File.Delete(data.RawPath(TestData.Catalog.GetFeed("cirrhosis")));

        var report = await data.RunAsync();

        AssertReconciled(report);
        Assert.Multiple(() =>
        {
            Assert.That(Feed(report, "cirrhosis").Status, Is.EqualTo(FeedStatus.Missing));
            Assert.That(report.Warnings, Has.Some.Contains("raw/2026Q3/NHIS/cirrhosis.csv is missing (optional feed)"));
        });
    }

    [Test]
    public void RunAsync_EmptyFile_FailsFeedNamingTheFile()
    {
        using var data = new TestData();
        File.WriteAllBytes(data.RawPath(Arrears), []);

        var error = Assert.ThrowsAsync<IngestException>(data.RunAsync);

        var report = SavedReport(data);
        AssertReconciled(report);
        Assert.Multiple(() =>
        {
            Assert.That(error!.Report, Is.EqualTo(report).Using<IngestReport>((a, b) => a.Totals == b.Totals && a.Quarter == b.Quarter));
            Assert.That(error.Message, Does.Contain("raw/2026Q3/KEPCO/electricity_arrears.csv: the file is empty"));
            Assert.That(Feed(report, Arrears.Code).Status, Is.EqualTo(FeedStatus.Failed));
            Assert.That(File.Exists(data.Root.LakeBucket(TestData.Quarter, Arrears.Code, 0)), Is.False);
        });
    }

    [Test]
    public void RunAsync_MissingColumn_RejectsTheFeedNamingTheColumn()
    {
        using var data = new TestData();
        var rows = data.ValidRows(Arrears).Select(r => r[..3]);
        data.WriteFeed(Arrears, rows, header: [.. Arrears.Columns.Take(3).Select(c => c.HeaderKo)]);

        var error = Assert.ThrowsAsync<IngestException>(data.RunAsync);

        AssertReconciled(SavedReport(data));
        Assert.That(error!.Message, Does.Contain("electricity_arrears.csv: missing column(s) 체납금액 (arrears_amount)"));
    }

    [Test]
    public async Task RunAsync_ExtraColumn_WarnsAndIgnoresIt()
    {
        using var data = new TestData();
        var rows = data.ValidRows(Arrears).Select(r => r.Append("메모").ToArray());
        data.WriteFeed(Arrears, rows, header: [.. Arrears.Columns.Select(c => c.HeaderKo), "비고"]);

        var report = await data.RunAsync();

        AssertReconciled(report);
        var schema = await ParquetFile.SchemaAsync(data.Root.LakeBucket(TestData.Quarter, Arrears.Code, 0));
        Assert.Multiple(() =>
        {
            Assert.That(Feed(report, Arrears.Code).Accepted, Is.EqualTo(TestData.RowsPerFeed));
            Assert.That(report.Warnings, Has.Some.Contains("electricity_arrears.csv: extra column(s) 비고 are not in the catalog and were ignored"));
            Assert.That(schema, Has.None.StartsWith("비고"));
        });
    }

    [Test]
    public async Task RunAsync_HeaderInOtherLanguage_AcceptedWithWarning()
    {
        using var data = new TestData();
        data.WriteFeed(Arrears, data.ValidRows(Arrears), header: [.. Arrears.Columns.Select(c => c.HeaderEn)]);

        var report = await data.RunAsync();

        AssertReconciled(report);
        Assert.Multiple(() =>
        {
            Assert.That(Feed(report, Arrears.Code).Accepted, Is.EqualTo(TestData.RowsPerFeed));
            Assert.That(report.Warnings, Has.Some.Contains("electricity_arrears.csv: 4 of 4 column headers are in English although the catalog declares Korean"));
        });
    }

    [Test]
    public async Task RunAsync_TruncatedLastLine_QuarantinesItWithWarning()
    {
        using var data = new TestData();
        var rows = data.ValidRows(Arrears, 100);
        rows[^1] = [rows[^1][0], rows[^1][1][..4]];
        data.WriteFeed(Arrears, rows, newLineAtEnd: "");

        var report = await data.RunAsync();

        AssertReconciled(report);
        var rejects = await File.ReadAllTextAsync(data.Root.Rejects(TestData.Quarter, Arrears.Code));
        Assert.Multiple(() =>
        {
            Assert.That(Feed(report, Arrears.Code).Rejected, Is.EqualTo(1));
            Assert.That(Feed(report, Arrears.Code).Accepted, Is.EqualTo(99));
            Assert.That(report.Warnings, Has.Some.Contains("electricity_arrears.csv: the last line is truncated"));
            Assert.That(rejects, Does.Contain(",101,,\"truncated last line (the file ends mid-record, without a line break): has 2 fields where the header has 4\""));
        });
    }

    [Test]
    public async Task RunAsync_QuotedNewline_KeepsTheRecordAndItsLineNumbers()
    {
        using var data = new TestData();
        var rows = data.ValidRows(Arrears).Select((r, i) => r.Append(i == 0 ? "\"두 줄\n메모\"" : "").ToArray());
        data.WriteFeed(Arrears, rows, header: [.. Arrears.Columns.Select(c => c.HeaderKo), "비고"]);

        var report = await data.RunAsync();

        AssertReconciled(report);
        var lines = await ParquetFile.ReadAsync<long>(data.Root.LakeBucket(TestData.Quarter, Arrears.Code, 0), "source_line");
        Assert.Multiple(() =>
        {
            Assert.That(Feed(report, Arrears.Code).Accepted, Is.EqualTo(TestData.RowsPerFeed));
            Assert.That(lines[..3], Is.EqualTo(new long[] { 2, 4, 5 }), "the first record spans lines 2–3");
        });
    }

    [Test]
    public async Task RunAsync_SameFileTwiceUnderAnotherName_ReadsOnceAndWarns()
    {
        using var data = new TestData();
        File.Copy(data.RawPath(Arrears), Path.Combine(Path.GetDirectoryName(data.RawPath(Arrears))!, "electricity_arrears (1).csv"));

        var report = await data.RunAsync();

        AssertReconciled(report);
        Assert.That(report.Warnings, Has.Some.Contains("the same file was delivered twice under two names; only raw/2026Q3/KEPCO/electricity_arrears.csv was read"));
    }

    [Test]
    public void RunAsync_SameFileUnderTwoFeedNames_FailsTheSecondFeed()
    {
        using var data = new TestData();
        File.Copy(data.RawPath(Arrears), data.RawPath(TestData.Catalog.GetFeed("electricity_cutoff")), overwrite: true);

        var error = Assert.ThrowsAsync<IngestException>(data.RunAsync);

        AssertReconciled(SavedReport(data));
        Assert.That(error!.Message, Does.Contain("is byte-identical to").And.Contain("one file was delivered twice under two names"));
    }

    [Test]
    public void RunAsync_FileForAnotherQuarter_FailsNamingThatQuarter()
    {
        using var data = new TestData();
        var rows = data.ValidRows(Arrears);
        foreach (var row in rows)
        {
            row[1] = "2026" + row[1][4..6].Replace("07", "04", StringComparison.Ordinal).Replace("08", "05", StringComparison.Ordinal).Replace("09", "06", StringComparison.Ordinal) + row[1][6..];
        }

        data.WriteFeed(Arrears, rows);

        var error = Assert.ThrowsAsync<IngestException>(data.RunAsync);

        AssertReconciled(SavedReport(data));
        Assert.That(error!.Message, Does.Contain("this looks like the delivery for 2026Q2, not 2026Q3"));
    }

    [Test]
    public async Task RunAsync_WideWindowFeedWithOnlyEarlierDates_WarnsOfStaleDelivery()
    {
        // loan_arrears allows 24 months, so last quarter's file passes validation; only the dates give it away.
        using var data = new TestData();
        var feed = TestData.Catalog.GetFeed("loan_arrears");
        var rows = data.ValidRows(feed);
        foreach (var row in rows)
        {
            row[1] = "2026-05-15";
        }

        data.WriteFeed(feed, rows);

        var report = await data.RunAsync();

        AssertReconciled(report);
        Assert.That(report.Warnings, Has.Some.Contains("loan_arrears.csv: none of its 12 event dates falls in 2026Q3"));
    }

    [Test]
    public void RunAsync_RejectRateAboveLimit_FailsTheFeedAsFormatChange()
    {
        using var data = new TestData();
        var rows = data.ValidRows(Arrears, 100);
        for (var i = 0; i < 5; i++)
        {
            rows[i][3] = "1,000";
        }

        data.WriteFeed(Arrears, rows.Select(r => r.Select(v => v.Contains(',', StringComparison.Ordinal) ? $"\"{v}\"" : v).ToArray()));

        var error = Assert.ThrowsAsync<IngestException>(data.RunAsync);

        var report = SavedReport(data);
        AssertReconciled(report);
        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("5 of 100 rows (5.0%) were rejected, above the catalog's limit of 2.0%"));
            Assert.That(error.Message, Does.Contain("'amount is not a whole number (64-bit)' (5 rows)"));
            Assert.That(Feed(report, Arrears.Code).Rejected, Is.EqualTo(5));
        });
    }

    [Test]
    public void RunAsync_InvalidCp949Bytes_FailsNamingOffsetAndLine()
    {
        using var data = new TestData();
        var bytes = File.ReadAllBytes(data.RawPath(Arrears)).ToList();
        var thirdLine = bytes.IndexOf((byte)'\n', bytes.IndexOf((byte)'\n') + 1) + 1;
        bytes.Insert(thirdLine, 0xFF);
        File.WriteAllBytes(data.RawPath(Arrears), [.. bytes]);

        var error = Assert.ThrowsAsync<IngestException>(data.RunAsync);

        AssertReconciled(SavedReport(data));
        Assert.That(error!.Message, Does.Contain($"electricity_arrears.csv: byte 0xFF at offset {thirdLine} (line 3) is not valid CP949"));
    }

    [Test]
    public void RunAsync_Cp949FileInUtf8Feed_FailsInsteadOfMojibake()
    {
        // electricity_use_change is declared utf-8: Korean bytes in CP949 are invalid UTF-8 and must stop the feed.
        using var data = new TestData();
        var feed = TestData.Catalog.GetFeed("electricity_use_change");
        data.WriteFeed(feed, data.ValidRows(feed), header: [.. feed.Columns.Select(c => c.HeaderKo)], encoding: TextEncodings.Cp949);

        var error = Assert.ThrowsAsync<IngestException>(data.RunAsync);

        AssertReconciled(SavedReport(data));
        Assert.That(error!.Message, Does.Contain("electricity_use_change.csv: byte 0x").And.Contain("(line 1) is not valid UTF-8"));
    }

    [Test]
    public async Task RunAsync_ExactDuplicateRow_IsCountedAndDroppedOnce()
    {
        using var data = new TestData();
        var rows = data.ValidRows(Arrears);
        rows.Insert(5, rows[2]);
        data.WriteFeed(Arrears, rows);

        var report = await data.RunAsync();

        AssertReconciled(report);
        Assert.Multiple(() =>
        {
            Assert.That(Feed(report, Arrears.Code).RowsRead, Is.EqualTo(TestData.RowsPerFeed + 1));
            Assert.That(Feed(report, Arrears.Code).Duplicates, Is.EqualTo(1));
            Assert.That(Feed(report, Arrears.Code).Accepted, Is.EqualTo(TestData.RowsPerFeed));
        });
    }

    [Test]
    public async Task RunAsync_Utf8BomOnCp949Feed_ReadsAsUtf8WithWarning()
    {
        using var data = new TestData();
        data.WriteFeed(Arrears, data.ValidRows(Arrears), encoding: new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var report = await data.RunAsync();

        AssertReconciled(report);
        Assert.Multiple(() =>
        {
            Assert.That(Feed(report, Arrears.Code).Encoding, Is.EqualTo("utf-8 (BOM)"));
            Assert.That(Feed(report, Arrears.Code).Accepted, Is.EqualTo(TestData.RowsPerFeed));
            Assert.That(report.Warnings, Has.Some.Contains("starts with a UTF-8 byte-order mark although the catalog declares cp949"));
        });
    }
}
