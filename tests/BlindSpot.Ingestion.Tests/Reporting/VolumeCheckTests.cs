using BlindSpot.Core.Keys;
using BlindSpot.Core.Runs;
using BlindSpot.Core.Stages;
using BlindSpot.Ingestion.Reporting;
using BlindSpot.Ingestion.Tests.TestSupport;

namespace BlindSpot.Ingestion.Tests.Reporting;

/// <summary>Issue 14: accepted counts are compared with the previous quarter's; a 40 % smaller roster never passes unnoticed.</summary>
public sealed class VolumeCheckTests
{
    [Test]
    public void RunAsync_RosterFortyPercentSmallerThanLastQuarter_FailsTheStage()
    {
        using var data = new TestData();
        PreviousQuarter(data, rosterAccepted: 200);

        var error = Assert.ThrowsAsync<IngestException>(data.RunAsync);

        var record = RunManifest.LoadOrCreate(data.Root.RunManifest(TestData.Quarter), TestData.Quarter.ToString()).Find(StageNames.Ingest);
        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("resident_registration: 120 rows accepted, 40.0 % fewer than 200 in 2026Q2 (limit ±5 %)"));
            Assert.That(error.Message, Does.Contain("accept it with 'blindspot ingest 2026Q3 --accept-volume-change'"));
            Assert.That(record?.State, Is.EqualTo(StageState.Failed));
        });
    }

    [Test]
    public async Task RunAsync_ChangeAcceptedByTheOperator_PassesAndIsRecorded()
    {
        using var data = new TestData();
        PreviousQuarter(data, rosterAccepted: 200);

        var report = await new IngestJob(new IngestOptions
        {
            Quarter = TestData.Quarter,
            DataRoot = data.Folder,
            Catalog = TestData.Catalog,
            Pseudonymizer = Pseudonymizer.ForSampleData(),
            RowGroupSize = 1_000,
            AcceptVolumeChange = true,
        }).RunAsync();

        var record = RunManifest.LoadOrCreate(data.Root.RunManifest(TestData.Quarter), TestData.Quarter.ToString()).Find(StageNames.Ingest);
        var saved = IngestReport.Load(data.Root.IngestReport(TestData.Quarter))!;
        Assert.Multiple(() =>
        {
            Assert.That(report.VolumeChanges, Has.Count.EqualTo(1));
            Assert.That(saved.VolumeChanges.Single(), Is.EqualTo(new VolumeChange("resident_registration", "2026Q2", 200, 120, 0.05, Accepted: true)));
            Assert.That(saved.Warnings, Has.Some.Contains("40.0 % fewer than 200 in 2026Q2 (limit ±5 %): accepted by the operator (--accept-volume-change)"));
            Assert.That(record?.State, Is.EqualTo(StageState.Completed));
            Assert.That(record?.Counts["volumeChangesAccepted"], Is.EqualTo(1));
        });
    }

    [Test]
    public async Task RunAsync_SmallFeedWithinPoissonNoise_IsNotFlagged()
    {
        using var data = new TestData();
        // 12 rows now against 20 last quarter: 40 % fewer, but within 4·√20 ≈ 18 rows of noise.
        PreviousQuarter(data, rosterAccepted: TestData.People, feedAccepted: 20);

        var report = await data.RunAsync();

        Assert.That(report.VolumeChanges, Is.Empty);
    }

    private static void PreviousQuarter(TestData data, long rosterAccepted, long feedAccepted = TestData.RowsPerFeed)
    {
        FeedReport Row(string code, string source, long accepted) =>
            new() { Feed = code, Source = source, Required = true, Status = FeedStatus.Ingested, RowsRead = accepted, Accepted = accepted };
        var roster = Row(TestData.Catalog.Roster.Code, TestData.Catalog.Roster.Source, rosterAccepted);
        var feeds = TestData.Catalog.Feeds.Select(f => Row(f.Code, f.Source, feedAccepted)).ToList();
        new IngestReport
        {
            Quarter = TestData.Quarter.Previous.ToString(),
            CatalogVersion = TestData.Catalog.Version,
            Roster = roster,
            Feeds = feeds,
            Totals = IngestTotals.Of([.. feeds.Prepend(roster)]),
        }.Save(data.Root.IngestReport(TestData.Quarter.Previous));
    }
}
