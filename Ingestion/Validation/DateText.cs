namespace BlindSpot.Ingestion.Validation;

/// <summary>Parses the catalog's date formats (yyyyMMdd, yyyy-MM-dd, yyyy.MM.dd) straight from UTF-8, exactly, without allocating.</summary>
internal static class DateText
{
    /// <summary>True and the date when <paramref name="utf8"/> is a real calendar date written in <paramref name="format"/>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, string format, out DateOnly date)
    {
        date = default;
        if (utf8.Length != format.Length)
        {
            return false;
        }

        int year = 0, month = 0, day = 0;
        for (var i = 0; i < format.Length; i++)
        {
            var c = utf8[i];
            var f = format[i];
            if (f is 'y' or 'M' or 'd')
            {
                if (c is < (byte)'0' or > (byte)'9')
                {
                    return false;
                }

                var digit = c - '0';
                _ = f switch
                {
                    'y' => year = (year * 10) + digit,
                    'M' => month = (month * 10) + digit,
                    _ => day = (day * 10) + digit,
                };
            }
            else if (c != f)
            {
                return false;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }
}
