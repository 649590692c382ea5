using System.Globalization;
using BlindSpot.Core.Csv;

namespace BlindSpot.Portal.Audit;

/// <summary>
/// The audit log as CSV through the project's one writer (<see cref="CsvFiles"/>): UTF-8 with BOM so Excel shows Korean,
/// RFC 4180 quoting, and every cell a spreadsheet would run as a formula (= + - @, tab, CR) escaped.
/// </summary>
public static class AuditCsv
{
    private static readonly string[] Header = ["at", "user_name", "role", "sigungu_code", "action", "target", "rows", "client", "outcome"];

    public static byte[] Write(IEnumerable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var buffer = new MemoryStream();
        using (var csv = CsvFiles.Create(buffer, CsvFiles.ForExcel))
        {
            csv.WriteHeader(Header);
            foreach (var e in entries)
            {
                csv.WriteRecord(
                [
                    e.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), e.UserName, e.Role, e.SigunguCode ?? "",
                    e.Action, e.Target, e.Rows?.ToString(CultureInfo.InvariantCulture) ?? "", e.Client, e.Outcome,
                ]);
            }
        }

        return buffer.ToArray();
    }
}
