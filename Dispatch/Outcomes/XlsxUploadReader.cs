using System.IO.Compression;
using System.Xml;

namespace BlindSpot.Dispatch.Outcomes;

/// <summary>
/// Streams the rows of the first sheet of an uploaded XLSX with an <see cref="XmlReader"/>: no DTD (so no external
/// entities and no entity expansion), each part read through a byte limit, rows taken by their own numbers so a jump to
/// row 100,000,000 costs nothing, and only the columns the importer reads kept. A damaged zip or XML is refused naming
/// the file. Cell values are the text as stored: shared or inline strings, and numbers (Excel dates are serial numbers).
/// </summary>
internal static class XlsxUploadReader
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static IEnumerable<UploadedRow> Read(string path, OutcomeImportLimits limits)
    {
        // Value reads (ReadElementContentAsString) may meet broken XML too: every XML or zip error becomes one refusal.
        using var rows = Rows(path, limits).GetEnumerator();
        while (true)
        {
            UploadedRow row;
            try
            {
                if (!rows.MoveNext())
                {
                    yield break;
                }

                row = rows.Current;
            }
            catch (XmlException ex)
            {
                throw OutcomeFileException.InvalidXlsx(path, $"XML error at line {ex.LineNumber}: {(ex.Message.Contains("DTD", StringComparison.Ordinal) ? "a DOCTYPE is not allowed" : "malformed XML")}", ex);
            }
            catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or EndOfStreamException)
            {
                // A damaged entry, or one packed with a method .NET does not unpack (LZMA, encryption).
                throw OutcomeFileException.InvalidXlsx(path, "a part of the zip package is damaged or packed in an unsupported way", ex);
            }

            yield return row;
        }
    }

    private static IEnumerable<UploadedRow> Rows(string path, OutcomeImportLimits limits)
    {
        using var file = File.OpenRead(path);
        using var zip = Open(path, file);
        var shared = SharedStrings(path, zip, limits);
        var sheet = FirstSheet(path, zip);
        using var reader = Xml(path, sheet, limits);
        IReadOnlyList<string?>? headers = null;
        var rows = 0;
        var previous = 0L;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row" || reader.NamespaceURI != Main)
            {
                continue;
            }

            var line = long.TryParse(reader.GetAttribute("r"), out var number) && number > previous ? number : previous + 1;
            previous = line;
            var cells = Cells(reader, shared, limits, out var tooLong, out var width, path);
            if (headers is null)
            {
                // One past the limit is enough for the header check to refuse a header wider than allowed.
                headers = UploadReader.Columns(path, Enumerable.Range(0, Math.Min(width, limits.MaxColumns + 1)).Select(i => cells.GetValueOrDefault(i) ?? "").ToList(), limits);
                continue;
            }

            // Excel keeps rows that were only formatted (no value in any cell): they hold nothing to report or to count.
            if (cells.Count == 0 && tooLong is null)
            {
                continue;
            }

            if (++rows > limits.MaxRows)
            {
                throw OutcomeFileException.TooManyRows(path, limits.MaxRows);
            }

            yield return Row(line, cells, headers, tooLong, limits);
        }

        if (headers is null)
        {
            UploadReader.Columns(path, [], limits);
        }
    }

    private static UploadedRow Row(long line, Dictionary<int, string> cells, IReadOnlyList<string?> headers, (int Column, int Length)? tooLong, OutcomeImportLimits limits)
    {
        if (tooLong is var (column, length))
        {
            var name = column < headers.Count && headers[column] is { } known ? known : $"column {column + 1}";
            return UploadedRow.Quarantined(line, name, $"{length:N0} characters; a cell may hold at most {limits.MaxCellChars:N0}");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (index, value) in cells)
        {
            if (index < headers.Count && headers[index] is { } field)
            {
                fields[field] = value;
            }
        }

        return new UploadedRow(line, fields);
    }

    /// <summary>The cells of the row the reader is on, by column index; beyond <see cref="OutcomeImportLimits.MaxColumns"/> ignored.</summary>
    private static Dictionary<int, string> Cells(XmlReader reader, IReadOnlyList<string> shared, OutcomeImportLimits limits, out (int, int)? tooLong, out int width, string path)
    {
        tooLong = null;
        width = 0;
        var cells = new Dictionary<int, string>();
        if (reader.IsEmptyElement)
        {
            return cells;
        }

        var depth = reader.Depth;
        var next = 0;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c")
            {
                continue;
            }

            var column = ColumnOf(reader.GetAttribute("r")) ?? next;
            next = column + 1;
            var value = CellValue(path, reader, reader.GetAttribute("t"), shared);
            width = value.Length > 0 ? Math.Max(width, column + 1) : width;
            if (column >= limits.MaxColumns || value.Length == 0)
            {
                continue;
            }

            if (value.Length > limits.MaxCellChars)
            {
                tooLong ??= (column, value.Length);
                continue;
            }

            cells[column] = value;
        }

        return cells;
    }

    private static string CellValue(string path, XmlReader reader, string? type, IReadOnlyList<string> shared)
    {
        if (reader.IsEmptyElement)
        {
            return "";
        }

        var depth = reader.Depth;
        string? value = null;
        var inline = new System.Text.StringBuilder();
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "v")
            {
                value = reader.ReadElementContentAsString();
                if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
                {
                    break;
                }
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t" && type == "inlineStr")
            {
                inline.Append(reader.ReadElementContentAsString());
                if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
                {
                    break;
                }
            }
        }

        return type switch
        {
            "inlineStr" => inline.ToString(),
            "s" => int.TryParse(value, out var i) && i >= 0 && i < shared.Count ? shared[i] : throw OutcomeFileException.InvalidXlsx(path, $"shared string {value} does not exist"),
            _ => value ?? "",
        };
    }

    /// <summary>The zero-based column of a cell reference such as <c>C12</c>, or null when it has none.</summary>
    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z' || ++letters > 3)
            {
                break;
            }

            column = (column * 26) + (c - 'A' + 1);
        }

        return letters == 0 ? null : column - 1;
    }

    private static List<string> SharedStrings(string path, ZipArchive zip, OutcomeImportLimits limits)
    {
        var strings = new List<string>();
        if (zip.GetEntry("xl/sharedStrings.xml") is not { } entry)
        {
            return strings;
        }

        using var reader = Xml(path, entry, limits);
        var current = new System.Text.StringBuilder();
        var inItem = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                inItem = !reader.IsEmptyElement;
                current.Clear();
                if (!inItem)
                {
                    strings.Add("");
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "si")
            {
                strings.Add(current.ToString());
                inItem = false;
            }
            else if (inItem && reader.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA)
            {
                current.Append(reader.Value);
            }
        }

        return strings;
    }

    /// <summary>The first worksheet the workbook lists, or the first part under xl/worksheets when the workbook says nothing usable.</summary>
    private static ZipArchiveEntry FirstSheet(string path, ZipArchive zip)
    {
        var sheets = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .OrderBy(e => e.FullName.Length).ThenBy(e => e.FullName, StringComparer.Ordinal).ToList();
        return sheets.FirstOrDefault() ?? throw OutcomeFileException.InvalidXlsx(path, "it has no worksheet");
    }

    private static ZipArchive Open(string path, Stream file)
    {
        try
        {
            return new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or EndOfStreamException)
        {
            throw OutcomeFileException.InvalidXlsx(path, "the zip package is damaged", ex);
        }
    }

    private static XmlReader Xml(string path, ZipArchiveEntry entry, OutcomeImportLimits limits)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = limits.MaxPartBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        try
        {
            return XmlReader.Create(new LimitedStream(entry.Open(), limits.MaxPartBytes, path, entry.FullName), settings);
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException)
        {
            throw OutcomeFileException.InvalidXlsx(path, $"{entry.FullName} cannot be unpacked", ex);
        }
    }

}
