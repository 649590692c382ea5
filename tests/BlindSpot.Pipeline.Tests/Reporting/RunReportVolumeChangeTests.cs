using System.Net;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Regions;
using BlindSpot.Ingestion.Reporting;
using BlindSpot.Pipeline.Reporting;

namespace BlindSpot.Pipeline.Tests.Reporting;

/// <summary>A volume change let through with <c>ingest --accept-volume-change</c> is shown in the run report's feed volumes.</summary>
public sealed class RunReportVolumeChangeTests
{
    private static readonly Quarter Quarter = Quarter.Parse("2026Q3");
    private DataRoot root = null!;
    private string charts = null!;

    [SetUp]
    public void CreateRoot()
    {
        root = new DataRoot(Directory.CreateTempSubdirectory("blindspot-report-volume-").FullName);
        charts = Directory.CreateTempSubdirectory("blindspot-report-volume-charts-").FullName;
    }

    [TearDown]
    public void DeleteRoot()
    {
        Directory.Delete(root.Path, recursive: true);
        Directory.Delete(charts, recursive: true);
    }

    [Test]
    public async Task Render_AcceptedVolumeChange_ShowsFeedCountsAndChangeInBothLanguages()
    {
        Report(
            new VolumeChange("resident_registration", "2026Q2", 50_259, 30_154, 0.05, Accepted: true),
            new VolumeChange("telecom_arrears", "2026Q2", 8_000, 12_000, 0.25, Accepted: true)).Save(root.IngestReport(Quarter));

        var html = await RenderAsync();

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<h3>운영자가 승인한 건수 변화 (--accept-volume-change) · Volume changes accepted by the operator</h3>"));
            Assert.That(html, Does.Contain("<tr><td>resident_registration</td><td>2026Q2</td><td>50,259</td><td>30,154</td><td>-40.0</td><td>±5 %</td></tr>"));
            Assert.That(html, Does.Contain("<tr><td>telecom_arrears</td><td>2026Q2</td><td>8,000</td><td>12,000</td><td>+50.0</td><td>±25 %</td></tr>"));
        });
    }

    [Test]
    public async Task Render_NoAcceptedVolumeChange_NoSuchSection()
    {
        Report().Save(root.IngestReport(Quarter));

        var html = await RenderAsync();

        Assert.That(html, Does.Contain("Feed volumes against 2026Q2").And.Not.Contain("Volume changes accepted by the operator"));
    }

    private static IngestReport Report(params VolumeChange[] changes)
    {
        var roster = new FeedReport { Feed = "resident_registration", Source = "mois", Required = true, Status = FeedStatus.Ingested, RowsRead = 30_154, Accepted = 30_154 };
        return new IngestReport
        {
            Quarter = Quarter.ToString(),
            CatalogVersion = "test",
            Roster = roster,
            Totals = IngestTotals.Of([roster]),
            VolumeChanges = changes,
        };
    }

    private async Task<string> RenderAsync() =>
        WebUtility.HtmlDecode(await RunReportWriter.RenderAsync(root, Quarter, RegionRegistry.LoadDefault(), charts, CancellationToken.None));
}
