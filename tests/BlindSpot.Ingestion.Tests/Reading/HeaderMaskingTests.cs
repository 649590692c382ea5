using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Ingestion.Tests.TestSupport;

namespace BlindSpot.Ingestion.Tests.Reading;

/// <summary>Issue 14: a file delivered without its header must not echo a resident number into errors, reports or manifests.</summary>
public sealed class HeaderMaskingTests
{
    [Test]
    public void RunAsync_HeaderlessFeed_MasksTheResidentNumberInEveryErrorPath()
    {
        using var data = new TestData();
        var feed = TestData.Catalog.GetFeed("card_arrears");
        var rows = data.ValidRows(feed);
        data.WriteFeed(feed, rows.Skip(1), header: rows[0]);
        var resident = rows[0][0];

        var error = Assert.ThrowsAsync<IngestException>(data.RunAsync);

        var report = File.ReadAllText(data.Root.IngestReport(TestData.Quarter));
        var manifest = File.ReadAllText(data.Root.RunManifest(TestData.Quarter));
        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("card_arrears.csv: missing column(s)").And.Contain(ResidentNumber.Mask(resident)));
            Assert.That(error.Message, Does.Not.Contain(resident));
            Assert.That(report, Does.Not.Contain(resident));
            Assert.That(manifest, Does.Not.Contain(resident));
        });
    }
}
