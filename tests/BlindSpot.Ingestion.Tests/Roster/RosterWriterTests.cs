using BlindSpot.Ingestion.Tests.TestSupport;
using Parquet.Meta;

namespace BlindSpot.Ingestion.Tests.Roster;

public sealed class RosterWriterTests
{
    [TestCase("sigungu_code")]
    [TestCase("eupmyeondong_code")]
    [TestCase("sex")]
    [TestCase("status")]
    public async Task WriteAsync_CodeColumn_IsDictionaryEncodedInEveryRowGroup(string column)
    {
        // Features and dispatch read these columns for every person; a dictionary hands them one string per distinct
        // value instead of one per row (at 9 million people, two thirds of the features stage's roster read).
        using var data = new TestData();
        await data.RunAsync();

        var encodings = await ParquetFile.EncodingsAsync(data.Root.RosterBucket(TestData.Quarter, 0), column);

        Assert.Multiple(() =>
        {
            Assert.That(encodings, Is.Not.Empty);
            Assert.That(
                encodings.All(e => e.Contains(Encoding.RLE_DICTIONARY) || e.Contains(Encoding.PLAIN_DICTIONARY)),
                Is.True,
                string.Join("; ", encodings.Select(e => string.Join(",", e))));
        });
    }

    [Test]
    public async Task WriteAsync_DictionaryEncodedCodes_ReadBackAsTheSameText()
    {
        using var data = new TestData();
        await data.RunAsync();
        var path = data.Root.RosterBucket(TestData.Quarter, 0);

        var sigungu = await ParquetFile.ReadStringsAsync(path, "sigungu_code");
        var status = await ParquetFile.ReadStringsAsync(path, "status");

        Assert.Multiple(() =>
        {
            Assert.That(sigungu, Has.Length.EqualTo(TestData.People));
            Assert.That(sigungu, Is.All.Match("^[0-9]{5}$"));
            Assert.That(sigungu, Is.Ordered.Using<string?>(StringComparer.Ordinal));
            Assert.That(status, Is.All.AnyOf("R", "M", "D"));
        });
    }
}
