using BlindSpot.Core.Errors;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Scoring.Data;
using BlindSpot.Scoring.Tests.TestSupport;

namespace BlindSpot.Scoring.Tests.Data;

/// <summary>A damaged features part fails scoring with a data error naming the part, never a bare Parquet.Net message.</summary>
internal sealed class FeaturePartReadTests
{
    private static readonly Quarter Quarter = Quarter.Parse("2026Q2");
    private DataRoot root = null!;
    private string part = null!;
    private IReadOnlyList<string> names = null!;

    [SetUp]
    public async Task WriteFeatures()
    {
        root = new DataRoot(Directory.CreateTempSubdirectory("blindspot-feature-part-").FullName);
        await SyntheticLake.WriteQuarterAsync(root, Quarter, count: 400);
        var build = FeatureBuild.Load(root, Quarter);
        part = build.PartFiles[0];
        names = build.Names;
    }

    [TearDown]
    public void DeleteRoot() => Directory.Delete(root.Path, recursive: true);

    [Test]
    public void ColumnReader_PartCutShort_DataErrorNamesThePart()
    {
        // A copy interrupted half-way: the footer is gone.
        var bytes = File.ReadAllBytes(part);
        File.WriteAllBytes(part, bytes[..(bytes.Length / 2)]);

        var error = Assert.ThrowsAsync<DataErrorException>(() => ReadColumnsAsync());

        Assert.That(error!.Message, Does.StartWith($"{part}: cannot read a features part: the Parquet file is damaged"));
    }

    [Test]
    public void BlockReader_PageHeaderOverwritten_DataErrorNamesThePart()
    {
        // The footer is intact, so the file opens; the first column chunk's page header (right after the "PAR1" magic) is garbage.
        var bytes = File.ReadAllBytes(part);
        Array.Fill(bytes, (byte)0xFF, 4, 64);
        File.WriteAllBytes(part, bytes);

        var error = Assert.ThrowsAsync<DataErrorException>(async () =>
        {
            await foreach (var block in FeatureBlockReader.ReadAsync(part, names))
            {
                Assert.That(block.Rows, Is.Positive);
            }
        });

        Assert.That(error!.Message, Does.StartWith($"{part}: cannot read a features part"));
    }

    private async Task ReadColumnsAsync()
    {
        await foreach (var block in FeatureColumnReader.ReadAsync(part, names, [0, 1]))
        {
            Assert.That(block.Rows, Is.Positive);
        }
    }
}
