using System.Globalization;
using System.Text;

namespace BlindSpot.Portal.Audit;

/// <summary>The audit log as CSV (UTF-8 with BOM, so Excel shows Korean), cells that could run as formulas neutralised.</summary>
public static class AuditCsv
{
    public static byte[] Write(IEnumerable<AuditEntry> entries)
    {
        var text = new StringBuilder("at,user_name,role,sigungu_code,action,target,rows,client,outcome\r\n");
        foreach (var e in entries)
        {
            string[] cells =
            [
                e.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), e.UserName, e.Role, e.SigunguCode ?? "",
                e.Action, e.Target, e.Rows?.ToString(CultureInfo.InvariantCulture) ?? "", e.Client, e.Outcome,
            ];
            text.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    // A typed user name is attacker-controlled: quote everything, and prefix what Excel would read as a formula.
    private static string Cell(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && value != "-" ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
