using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Ingestion.Feeds;

namespace BlindSpot.Ingestion.Reading;

/// <summary>
/// Where each catalog column sits in a delivery's header. Columns are found by their Korean or English header, in any
/// order, so a delivery in the other header language still reads (with a warning); a missing column fails the feed,
/// an extra one is ignored with a warning.
/// </summary>
internal sealed partial class HeaderMap
{
    private HeaderMap(IReadOnlyList<int> indexes, int fieldCount, IReadOnlyList<string> warnings)
    {
        Indexes = indexes;
        FieldCount = fieldCount;
        Warnings = warnings;
    }

    /// <summary>For each catalog column, in catalog order, its 0-based field index in the delivery.</summary>
    public IReadOnlyList<int> Indexes { get; }

    /// <summary>Fields in the header row; a record with another count is malformed.</summary>
    public int FieldCount { get; }

    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Resolves the header; throws <see cref="FeedFailedException"/> listing every missing column at once.</summary>
    public static HeaderMap Resolve(FeedDefinition feed, HeaderLanguage declared, IReadOnlyList<string> header, string fileName, string source)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            positions.TryAdd(header[i].Trim(), i);
        }

        var indexes = new List<int>(feed.Columns.Count);
        var missing = new List<string>();
        var otherLanguage = 0;
        foreach (var column in feed.Columns)
        {
            if (positions.TryGetValue(column.Header(declared), out var index))
            {
                indexes.Add(index);
            }
            else if (positions.TryGetValue(column.Header(Other(declared)), out index))
            {
                indexes.Add(index);
                otherLanguage++;
            }
            else
            {
                missing.Add($"{column.HeaderKo} ({column.HeaderEn})");
            }
        }

        if (missing.Count > 0)
        {
            throw new FeedFailedException(
                $"{fileName}: missing column(s) {string.Join(", ", missing)}; the header is [{string.Join(", ", header.Select(Masked))}]. " +
                $"The feed was rejected as a whole: ask {source} to redeliver it with the catalog's columns, or update the catalog if the layout changed.");
        }

        var warnings = new List<string>();
        if (otherLanguage > 0)
        {
            warnings.Add($"{fileName}: {otherLanguage} of {feed.Columns.Count} column headers are in {Name(Other(declared))} although the catalog declares {Name(declared)}; matched by the catalog's other header. Update the catalog's headerLanguage if {source} changed its export.");
        }

        var extras = header.Where((name, i) => !indexes.Contains(i)).ToList();
        if (extras.Count > 0)
        {
            warnings.Add($"{fileName}: extra column(s) {string.Join(", ", extras.Select(Masked))} are not in the catalog and were ignored; add them to the catalog if they are needed.");
        }

        return new HeaderMap(indexes, header.Count, warnings);
    }

    // A file delivered without its header has a data row in its place, resident numbers included: a header cell is
    // echoed into messages, reports and manifests only with every run of six or more digits masked as worklists mask them.
    private static string Masked(string cell)
    {
        var text = cell.Trim();
        if (text.Length == ResidentNumber.Length && text[6] == '-' && ResidentNumber.Validate(text) is null)
        {
            return ResidentNumber.Mask(text);
        }

        return DigitRun().Replace(cell, m => m.Value.Length >= 6 ? new string('*', m.Value.Length) : m.Value);
    }

    [System.Text.RegularExpressions.GeneratedRegex("[0-9]+")]
    private static partial System.Text.RegularExpressions.Regex DigitRun();

    private static HeaderLanguage Other(HeaderLanguage language) => language == HeaderLanguage.Ko ? HeaderLanguage.En : HeaderLanguage.Ko;

    private static string Name(HeaderLanguage language) => language == HeaderLanguage.Ko ? "Korean" : "English";
}
