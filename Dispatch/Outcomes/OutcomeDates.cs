using System.Globalization;

namespace BlindSpot.Dispatch.Outcomes;

/// <summary>
/// The visit date as officials write it: 2026-10-22, 2026/10/22, 2026.10.22, 2026. 10. 22. (Excel's Korean display
/// format), 20261022, or an Excel serial date (a number such as 46317, what a date cell holds in the XLSX file).
/// </summary>
internal static class OutcomeDates
{
    private static readonly string[] Formats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd"];

    // Excel serials of 1954-10-03 … 2173-10-14 (five digits before any fraction), so never confused with yyyyMMdd.
    private const double FirstSerial = 20_000;
    private const double LastSerial = 99_999;

    public static bool TryParse(string text, out DateOnly date)
    {
        var compact = text.Trim().Replace(" ", "", StringComparison.Ordinal).TrimEnd('.');
        if (DateOnly.TryParseExact(compact, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        if (double.TryParse(compact, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= FirstSerial and <= LastSerial)
        {
            date = DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
            return true;
        }

        date = default;
        return false;
    }
}
