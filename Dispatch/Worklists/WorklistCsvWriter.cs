using System.Text;

namespace BlindSpot.Dispatch.Worklists;

/// <summary>
/// Writes a worklist as CSV in UTF-8 with a BOM, so Excel shows the Korean text, RFC 4180 quoting, CRLF line ends as
/// Excel writes them, and every cell neutralised against formula injection.
/// </summary>
public static class WorklistCsvWriter
{
    public static void Write(string path, IReadOnlyList<WorklistEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(',', WorklistColumns.All.Select(c => Quote(c.Header))));
        foreach (var entry in entries)
        {
            writer.WriteLine(string.Join(',', WorklistColumns.All.Select(c => Quote(CellText.Neutralise(c.Value(entry))))));
        }
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
