using BlindSpot.Core.Csv;

namespace BlindSpot.Dispatch.Worklists;

/// <summary>
/// Writes a worklist as CSV through the project's one writer (<see cref="CsvFiles"/>): UTF-8 with a BOM so Excel shows
/// the Korean text, RFC 4180 quoting, CRLF line ends, formula-like cells escaped, an owner-only file.
/// </summary>
public static class WorklistCsvWriter
{
    public static void Write(string path, IReadOnlyList<WorklistEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var csv = CsvFiles.CreatePrivate(path, CsvFiles.ForExcel);
        csv.WriteHeader([.. WorklistColumns.All.Select(c => c.Header)]);
        foreach (var entry in entries)
        {
            foreach (var column in WorklistColumns.All)
            {
                csv.WriteField(column.Value(entry));
            }

            csv.EndRecord();
        }
    }
}
