using System.Globalization;
using System.Text;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Ingestion;
using BlindSpot.Ingestion.Reporting;

namespace BlindSpot.Ingestion.Tests.TestSupport;

/// <summary>
/// A throwaway data root with a small valid quarter: a roster of <see cref="People"/> people and, for every catalog
/// feed, a few valid rows written exactly as the catalog says the institution delivers them (encoding, delimiter,
/// date format, header language). Tests then break one delivery and run ingestion.
/// </summary>
internal sealed class TestData : IDisposable
{
    public const int People = 120;
    public const int RowsPerFeed = 12;

    public TestData()
    {
        Folder = Path.Combine(Path.GetTempPath(), "blindspot-ingest-" + Guid.NewGuid().ToString("N"));
        Root = new DataRoot(Folder);
        Residents = [.. Enumerable.Range(0, People).Select(i => ResidentNumber.Create(new DateOnly(1930 + (i % 90), 1 + (i % 12), 1 + (i % 28)), i % 2 == 0, 10_000 + i))];
        Households = [.. Enumerable.Range(0, People).Select(i => (1_000_000_000L + (i / 2)).ToString(CultureInfo.InvariantCulture))];
        WriteRoster();
        foreach (var feed in Catalog.Feeds)
        {
            WriteFeed(feed, ValidRows(feed));
        }
    }

    public static Quarter Quarter { get; } = new(2026, 3);

    public static FeedCatalog Catalog { get; } = FeedCatalog.LoadDefault();

    public string Folder { get; }

    public DataRoot Root { get; }

    public IReadOnlyList<string> Residents { get; }

    public IReadOnlyList<string> Households { get; }

    public string RawPath(FeedDefinition feed) => Root.RawFeed(Quarter, feed);

    public IngestJob Job(int? buckets = null) => new(new IngestOptions { Quarter = Quarter, DataRoot = Folder, Catalog = Catalog, Pseudonymizer = Pseudonymizer.ForSampleData(), RowGroupSize = 1_000, Buckets = buckets });

    public Task<IngestReport> RunAsync() => Job().RunAsync();

    /// <summary>Ingests with <paramref name="buckets"/> buckets instead of the default (one, for this small roster).</summary>
    public Task<IngestReport> RunAsync(int buckets) => Job(buckets).RunAsync();

    /// <summary>Rows of valid values, in catalog column order and the feed's date format.</summary>
    public List<string[]> ValidRows(FeedDefinition feed, int count = RowsPerFeed)
    {
        var format = Catalog.DeliveryOf(feed);
        return [.. Enumerable.Range(0, count).Select(i => feed.Columns.Select(c => Value(c, i, format)).ToArray())];
    }

    /// <summary>Writes a delivery in the feed's catalog format, or with the given overrides.</summary>
    public void WriteFeed(FeedDefinition feed, IEnumerable<string[]> rows, IReadOnlyList<string>? header = null, Encoding? encoding = null, string? newLineAtEnd = "\n")
    {
        var format = Catalog.DeliveryOf(feed);
        header ??= [.. feed.Columns.Select(c => c.Header(format.HeaderLanguage!.Value))];
        var delimiter = format.DelimiterChar.ToString();
        var lines = new[] { string.Join(delimiter, header) }.Concat(rows.Select(r => string.Join(delimiter, r)));
        var text = string.Join("\n", lines) + newLineAtEnd;
        WriteBytes(RawPath(feed), Encode(text, encoding ?? format.GetEncoding()));
    }

    public static byte[] Encode(string text, Encoding encoding) => [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];

    public static void WriteBytes(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private string Value(ColumnDefinition column, int i, DeliveryFormat format) => column.Type switch
    {
        ColumnType.ResidentNumber => Residents[i % People],
        ColumnType.HouseholdNumber => Households[i % People],
        ColumnType.Date => Quarter.FirstDay.AddDays(((i * 7) + Salt(column)) % 85).ToString(format.DateFormat, CultureInfo.InvariantCulture),
        ColumnType.Int => ((int)(column.Min ?? 1) + (i % 2)).ToString(CultureInfo.InvariantCulture),
        ColumnType.Long => ((long)(column.Min ?? 0) + 1000 + i).ToString(CultureInfo.InvariantCulture),
        ColumnType.Double => (column.Min ?? 0).ToString("0.0", CultureInfo.InvariantCulture),
        ColumnType.Code => column.Values!.Keys.ElementAt(i % column.Values.Count),
        _ => "x",
    };

    // Feeds with the same layout (hypertension, diabetes) must not get byte-identical files: that is a delivery problem.
    private static int Salt(ColumnDefinition column) =>
        TestData.Catalog.Feeds.ToList().FindIndex(f => f.Columns.Any(c => ReferenceEquals(c, column))) % 7;

    private void WriteRoster()
    {
        var roster = Catalog.Roster;
        var format = Catalog.DeliveryOf(roster);
        var rows = Enumerable.Range(0, People).Select(i => roster.Columns.Select(c => c.Name switch
        {
            "resident_no" => Residents[i],
            "household_no" => Households[i],
            "is_head" => i % 2 == 0 ? "Y" : "N",
            "sigungu_code" => i % 3 == 0 ? "26110" : "11110",
            "eupmyeondong_code" => i % 3 == 0 ? "26110520" : "11110510",
            "birth_date" => new DateOnly(1930 + (i % 90), 1 + (i % 12), 1 + (i % 28)).ToString(format.DateFormat, CultureInfo.InvariantCulture),
            "sex" => i % 2 == 0 ? "M" : "F",
            "status" => i == 5 ? "D" : "R",
            "status_date" => i == 5 ? Quarter.FirstDay.ToString(format.DateFormat, CultureInfo.InvariantCulture) : "",
            _ => i % 3 == 0 ? "Y" : "N",
        }).ToArray());
        WriteFeed(roster, rows);
    }
}
