using System.Globalization;
using BlindSpot.Core.Csv;

namespace BlindSpot.Portal.Uploads;

/// <summary>
/// The rejected rows of one upload as a file the officer can work through (line, worklist id, column, what to fix, in
/// Korean), through the project's one CSV writer: UTF-8 with BOM for Excel, formula cells escaped (a worklist id typed
/// as <c>=1+1</c> comes back as text).
/// </summary>
internal static class RowsToFixCsv
{
    private static readonly string[] Header = ["행", "워크리스트ID", "항목", "고칠 내용"];

    public static byte[] Write(UploadRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var buffer = new MemoryStream();
        using (var csv = CsvFiles.Create(buffer, CsvFiles.ForExcel))
        {
            csv.WriteHeader(Header);
            foreach (var row in record.Rows.Where(r => !r.Accepted && !r.Pending))
            {
                csv.WriteRecord([row.Line.ToString(CultureInfo.InvariantCulture), row.WorklistId ?? "", RowMessages.Field(row.Field), RowMessages.Korean(row, record.Quarter, record.SigunguCode)]);
            }
        }

        return buffer.ToArray();
    }
}
