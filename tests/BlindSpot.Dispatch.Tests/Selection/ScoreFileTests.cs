using BlindSpot.Core.Catalog;
using BlindSpot.Core.Errors;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Selection;
using BlindSpot.Testing;

namespace BlindSpot.Dispatch.Tests.Selection;

/// <summary>A damaged scores file fails dispatch with a data error naming the file, never a bare Parquet.Net message.</summary>
public sealed class ScoreFileTests
{
    private static readonly Quarter Quarter = new(2026, 3);
    private DataRoot root = null!;
    private string path = null!;

    [SetUp]
    public async Task WriteScores()
    {
        root = new DataRoot(Directory.CreateTempSubdirectory("blindspot-score-file-").FullName);
        await ScoresWriter.WriteAsync(root, Quarter, Variant.Household, [.. Enumerable.Range(1, 200).Select(i => new ScoreRow(i, i, "11110", i / 1000f))]);
        path = root.Scores(Quarter, Variant.Household);
    }

    [TearDown]
    public void DeleteRoot() => Directory.Delete(root.Path, recursive: true);

    [Test]
    public void ReadRanking_FileCutShort_DataErrorNamesTheFile()
    {
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.ThrowsAsync<DataErrorException>(() => ScoreFile.ReadRankingAsync(path, CancellationToken.None));

        Assert.That(error!.Message, Does.StartWith($"{path}: cannot read the scores' ranking: the Parquet file is damaged"));
    }

    [Test]
    public void ReadRanking_PageHeaderOverwritten_DataErrorNamesTheFile()
    {
        // The footer is intact, so the file opens; the first column chunk's page header (right after the "PAR1" magic) is garbage.
        var bytes = File.ReadAllBytes(path);
        Array.Fill(bytes, (byte)0xFF, 4, 64);
        File.WriteAllBytes(path, bytes);

        var error = Assert.ThrowsAsync<DataErrorException>(() => ScoreFile.ReadRankingAsync(path, CancellationToken.None));

        Assert.That(error!.Message, Does.StartWith($"{path}: cannot read the scores' ranking"));
    }
}
