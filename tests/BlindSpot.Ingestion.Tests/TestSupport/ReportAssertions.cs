using BlindSpot.Ingestion.Reporting;

namespace BlindSpot.Ingestion.Tests.TestSupport;

/// <summary>The reconciliation invariant every test checks: read = accepted + rejected + duplicates, per feed and in total.</summary>
internal static class ReportAssertions
{
    public static void AssertReconciled(IngestReport report)
    {
        Assert.Multiple(() =>
        {
            foreach (var feed in report.All)
            {
                Assert.That(feed.RowsRead, Is.EqualTo(feed.Accepted + feed.Rejected + feed.Duplicates), feed.Feed);
            }

            Assert.That(report.Totals.RowsRead, Is.EqualTo(report.Totals.Accepted + report.Totals.Rejected + report.Totals.Duplicates));
            Assert.That(report.Reconciled, Is.True);
        });
    }

    public static IngestReport SavedReport(TestData data) =>
        IngestReport.Load(data.Root.IngestReport(TestData.Quarter)) ?? throw new AssertionException("no ingest-report.json was written");

    public static FeedReport Feed(IngestReport report, string code) => report.All.Single(f => f.Feed == code);
}
