using BlindSpot.Core.Catalog;
using BlindSpot.Ingestion.Tests.TestSupport;

namespace BlindSpot.Ingestion.Tests.Deliveries;

/// <summary>Issue 14: a folder, a wrong-case name or a wrong source folder gets its own message instead of "delivery missing".</summary>
public sealed class LookAlikeTests
{
    private static readonly FeedDefinition Arrears = TestData.Catalog.GetFeed("electricity_arrears");

    [Test]
    public void RunAsync_FolderUnderTheDeliveryName_SaysItIsAFolder()
    {
        using var data = new TestData();
        var path = data.RawPath(Arrears);
        File.Delete(path);
        Directory.CreateDirectory(path);

        var error = Assert.ThrowsAsync<IngestException>(data.RunAsync);

        Assert.That(error!.Message, Does.Contain("raw/2026Q3/KEPCO/electricity_arrears.csv is a folder, not a file"));
    }

    [Test]
    public void RunAsync_WrongCaseExtension_SaysRenameIt()
    {
        using var data = new TestData();
        var path = data.RawPath(Arrears);
        File.Move(path, Path.ChangeExtension(path, ".CSV"));

        var error = Assert.ThrowsAsync<IngestException>(data.RunAsync);

        Assert.That(error!.Message, Does.Contain("raw/2026Q3/KEPCO/electricity_arrears.CSV is named in the wrong case; rename it to electricity_arrears.csv"));
    }

    [Test]
    public void RunAsync_DeliveryInAnotherSourceFolder_SaysWhereItBelongs()
    {
        using var data = new TestData();
        var path = data.RawPath(Arrears);
        var wrong = Path.Combine(data.Root.RawFolder(TestData.Quarter), "GAS", "electricity_arrears.csv");
        File.Move(path, wrong);

        var error = Assert.ThrowsAsync<IngestException>(data.RunAsync);

        Assert.That(error!.Message, Does.Contain("raw/2026Q3/GAS/electricity_arrears.csv is in the wrong source folder: electricity_arrears is delivered by KEPCO; move it to raw/2026Q3/KEPCO/electricity_arrears.csv"));
    }
}
