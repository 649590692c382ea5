using System.IO.Compression;
using System.Security;
using System.Text;

namespace BlindSpot.Testing;

/// <summary>
/// XLSX packages written part by part, so a test can make what no spreadsheet program would: row numbers that jump to
/// 100,000,000, a million rows in a few hundred kilobytes, a DOCTYPE with entities, a broken zip. Cells are inline strings
/// unless a value is a number (written as <c>&lt;v&gt;</c>, as Excel stores dates).
/// </summary>
public static class RawXlsx
{
    /// <summary>A workbook of one sheet whose rows are (row number, cells); a <see cref="double"/> cell is written as a number.</summary>
    public static byte[] Sheet(IEnumerable<(long Row, object[] Cells)> rows) => Package(writer =>
    {
        foreach (var (number, cells) in rows)
        {
            writer.Write($"<row r=\"{number}\">");
            for (var c = 0; c < cells.Length; c++)
            {
                var reference = $"{(char)('A' + c)}{number}";
                writer.Write(cells[c] is double value
                    ? $"<c r=\"{reference}\"><v>{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}</v></c>"
                    : $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(cells[c]?.ToString() ?? "")}</t></is></c>");
            }

            writer.Write("</row>");
        }
    });

    /// <summary>A workbook whose sheet is <paramref name="sheetXml"/> exactly as given (a DOCTYPE, entities, broken XML).</summary>
    public static byte[] RawSheet(string sheetXml)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            WriteFixedParts(zip);
            Entry(zip, "xl/worksheets/sheet1.xml", w => w.Write(sheetXml));
        }

        return buffer.ToArray();
    }

    /// <summary>A workbook whose sheet data (the rows) <paramref name="writeRows"/> writes, streamed into the zip.</summary>
    public static byte[] Package(Action<TextWriter> writeRows)
    {
        ArgumentNullException.ThrowIfNull(writeRows);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            WriteFixedParts(zip);
            Entry(zip, "xl/worksheets/sheet1.xml", w =>
            {
                w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
                writeRows(w);
                w.Write("</sheetData></worksheet>");
            });
        }

        return buffer.ToArray();
    }

    private static void WriteFixedParts(ZipArchive zip)
    {
        Entry(zip, "[Content_Types].xml", w => w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>"));
        Entry(zip, "_rels/.rels", w => w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
        Entry(zip, "xl/workbook.xml", w => w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
        Entry(zip, "xl/_rels/workbook.xml.rels", w => w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"));
    }

    private static void Entry(ZipArchive zip, string name, Action<TextWriter> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        write(writer);
    }
}
