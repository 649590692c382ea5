using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace BlindSpot.Dispatch.Worklists;

/// <summary>
/// Writes a worklist as <c>.xlsx</c> with MiniExcel: a styled header row that stays frozen with a filter on it, column
/// widths fitted to the content, formula-like text neutralised, a Korean drop-down for the result code and date cells for
/// the visit date (<see cref="XlsxTemplateCells"/>). The zip is then rewritten with fixed entry times, so the
/// same worklist gives the same bytes on every run.
/// </summary>
public static partial class WorklistXlsxWriter
{
    private static readonly DateTimeOffset FixedZipTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Write(string path, IReadOnlyList<WorklistEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var columns = WorklistColumns.All;
        var rows = entries.Select(e =>
        {
            var row = new Dictionary<string, object>(columns.Count);
            foreach (var column in columns)
            {
                row[column.Header] = CellText.Neutralise(column.Value(e));
            }

            return row;
        });
        var configuration = new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            AutoFilter = true,
            TableStyles = TableStyles.Default,
            DynamicColumns = [.. columns.Select((c, i) => new DynamicExcelColumn(c.Header) { Index = i, Width = c.Width })],
        };
        using (var buffer = new MemoryStream())
        {
            // With no row to take the columns from, MiniExcel writes an empty sheet; a table with the columns and no rows
            // keeps the header, so a 시군구 with nobody selected still gets the upload template.
            object sheet = entries.Count == 0 ? HeaderOnly(columns) : rows;
            buffer.SaveAs(sheet, sheetName: "워크리스트", excelType: ExcelType.XLSX, configuration: configuration);
            buffer.Position = 0;
            using var output = Core.Files.PrivateFiles.Create(path);
            Normalise(buffer, output);
        }
    }

    private static System.Data.DataTable HeaderOnly(IEnumerable<(string Header, Func<WorklistEntry, string> Value, double Width)> columns)
    {
        var table = new System.Data.DataTable("워크리스트") { Locale = System.Globalization.CultureInfo.InvariantCulture };
        foreach (var column in columns)
        {
            table.Columns.Add(column.Header, typeof(string));
        }

        return table;
    }

    /// <summary>
    /// Copies every zip entry in order with a fixed timestamp, and replaces MiniExcel's random relationship ids
    /// (<c>R</c> + a GUID) with <c>rId1</c>, <c>rId2</c> … in order of first appearance: the two things that differ between runs.
    /// </summary>
    private static void Normalise(Stream source, Stream target)
    {
        using var input = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
        var contents = input.Entries.Select(e => (e.FullName, Bytes: Read(e))).ToList();
        // The template's drop-down and date cells (XlsxTemplateCells): the style first, whose index the sheet names.
        var styles = contents.FindIndex(c => c.FullName == "xl/styles.xml");
        var (styleXml, dateStyle) = XlsxTemplateCells.Styles(Encoding.UTF8.GetString(contents[styles].Bytes));
        contents[styles] = (contents[styles].FullName, Encoding.UTF8.GetBytes(styleXml));
        var sheet = contents.FindIndex(c => c.FullName == "xl/worksheets/sheet1.xml");
        contents[sheet] = (contents[sheet].FullName, Encoding.UTF8.GetBytes(XlsxTemplateCells.Sheet(Encoding.UTF8.GetString(contents[sheet].Bytes), dateStyle)));
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, bytes) in contents)
        {
            foreach (Match id in RandomId().Matches(Encoding.UTF8.GetString(bytes)))
            {
                ids.TryAdd(id.Value, $"rId{ids.Count + 1}");
            }
        }

        using var output = new ZipArchive(target, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, bytes) in contents)
        {
            var copy = output.CreateEntry(name, CompressionLevel.Optimal);
            copy.LastWriteTime = FixedZipTime;
            using var to = copy.Open();
            var text = name.EndsWith(".xml", StringComparison.Ordinal) || name.EndsWith(".rels", StringComparison.Ordinal)
                ? Encoding.UTF8.GetBytes(RandomId().Replace(Encoding.UTF8.GetString(bytes), m => ids[m.Value]))
                : bytes;
            to.Write(text);
        }
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [GeneratedRegex("\\bR[0-9a-f]{32}\\b")]
    private static partial Regex RandomId();
}
