using BlindSpot.Core.Catalog;
using BlindSpot.Core.Files;
using BlindSpot.Ingestion.Tests.TestSupport;

namespace BlindSpot.Ingestion.Tests.Validation;

/// <summary>Issue 14: quarantine files hold full original lines with resident numbers: owner-only, and no cell runs as a formula.</summary>
public sealed class RejectFileTests
{
    private static readonly FeedDefinition Arrears = TestData.Catalog.GetFeed("electricity_arrears");

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task RunAsync_RejectsFile_IsOwnerOnlyInAnOwnerOnlyFolder()
    {
        using var data = new TestData();
        var rows = data.ValidRows(Arrears, 100);
        rows[4][2] = "x";
        data.WriteFeed(Arrears, rows);

        await data.RunAsync();

        var rejects = data.Root.Rejects(TestData.Quarter, Arrears.Code);
        Assert.Multiple(() =>
        {
            Assert.That(File.GetUnixFileMode(rejects), Is.EqualTo(PrivateFiles.OwnerOnlyFile));
            Assert.That(File.GetUnixFileMode(data.Root.QuarantineFolder(TestData.Quarter)), Is.EqualTo(PrivateFiles.OwnerOnlyFolder));
        });
    }

    [Test]
    public async Task RunAsync_RejectedLineStartingWithAFormula_IsEscaped()
    {
        using var data = new TestData();
        var rows = data.ValidRows(Arrears, 100);
        rows[4][0] = "=HYPERLINK(\"http://x\")";
        data.WriteFeed(Arrears, rows);

        await data.RunAsync();

        var lines = await File.ReadAllLinesAsync(data.Root.Rejects(TestData.Quarter, Arrears.Code));
        Assert.That(lines[1], Does.StartWith("\"'=HYPERLINK("));
    }
}
