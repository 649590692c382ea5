using BlindSpot.Core.Errors;
using BlindSpot.Core.Files;

namespace BlindSpot.Core.Tests.Files;

public sealed class ParquetFilesTests
{
    private const string Path = "/data/scores/2026Q3/household.parquet";

    [Test]
    public void ReadAsync_LibraryFailure_DataErrorNamingFileAndWhat()
    {
        var error = Assert.ThrowsAsync<DataErrorException>(() => ParquetFiles.ReadAsync<int>(Path, "the scores", () => throw new ArgumentOutOfRangeException("value", "Value to add was out of range.")));

        Assert.That(error!.Message, Does.StartWith($"{Path}: cannot read the scores: the Parquet file is damaged or incomplete (ArgumentOutOfRangeException: Value to add was out of range."));
    }

    [Test]
    public void ReadAsync_StreamFailsMidway_DataErrorAfterTheRowsRead()
    {
        var seen = new List<int>();

        var error = Assert.ThrowsAsync<DataErrorException>(async () =>
        {
            await foreach (var item in ParquetFiles.ReadAsync(Path, "a features part", FailAfterOne()))
            {
                seen.Add(item);
            }
        });

        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.EqualTo(new[] { 1 }));
            Assert.That(error!.Message, Does.Contain("Incomplete Snappy block").And.StartWith(Path));
        });
    }

    [Test]
    public void ReadAsync_ErrorAlreadyNamingTheFile_KeepsItsType()
    {
        // The readers' own checks (a missing column) already say which file and what to do.
        Assert.That(
            () => ParquetFiles.ReadAsync<int>(Path, "the scores", () => throw new InvalidDataException($"{Path}: the scores file has no column 'score'")),
            Throws.TypeOf<InvalidDataException>());
    }

    [Test]
    public void ReadAsync_Cancelled_StaysCancelled()
    {
        Assert.That(
            () => ParquetFiles.ReadAsync<int>(Path, "the scores", () => throw new OperationCanceledException()),
            Throws.InstanceOf<OperationCanceledException>());
    }

    private static async IAsyncEnumerable<int> FailAfterOne()
    {
        await Task.Yield();
        yield return 1;
        throw new InvalidDataException("Incomplete Snappy block.");
    }
}
