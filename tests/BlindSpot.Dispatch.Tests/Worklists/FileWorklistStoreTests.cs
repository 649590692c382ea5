using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Worklists;
using MiniExcelLibs;

namespace BlindSpot.Dispatch.Tests.Worklists;

/// <summary>A 시군구 with nobody selected still gets its worklist pair, header only, so "nobody" never looks like "missing".</summary>
public sealed class FileWorklistStoreTests
{
    private static readonly Quarter Q = Quarter.Parse("2026Q3");

    private DataRoot root = null!;

    [SetUp]
    public void CreateRoot() => root = new DataRoot(Directory.CreateTempSubdirectory("blindspot-worklist-store-").FullName);

    [TearDown]
    public void DeleteRoot() => Directory.Delete(root.Path, recursive: true);

    [Test]
    public async Task Replace_SigunguWithNobodySelected_GetsHeaderOnlyCsvAndXlsx()
    {
        await new FileWorklistStore(root, ["11110", "11140"]).ReplaceQuarterAsync(Q, [], CancellationToken.None);

        var folder = root.WorklistFolder(Q);
        Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal), Is.EqualTo(new[] { "11110.csv", "11110.xlsx", "11140.csv", "11140.xlsx" }));
        var csv = File.ReadAllLines(Path.Combine(folder, "11110.csv"));
        Assert.That(csv, Has.Length.EqualTo(1));
        Assert.That(csv[0], Does.Contain("워크리스트ID"));
        var header = MiniExcel.Query(Path.Combine(folder, "11110.xlsx")).Cast<IDictionary<string, object>>().ToList();
        Assert.That(header, Has.Count.EqualTo(1), "the header row and nothing else");
        Assert.That(header[0].Values, Does.Contain("워크리스트ID"));
    }

    [Test]
    public async Task Replace_WithoutTheListOfEverySigungu_WritesOnlyTheSelected()
    {
        await new FileWorklistStore(root).ReplaceQuarterAsync(Q, [], CancellationToken.None);

        Assert.That(Directory.GetFiles(root.WorklistFolder(Q)), Is.Empty);
    }
}
