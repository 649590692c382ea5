namespace BlindSpot.Core.Keys;

/// <summary>
/// The 13-digit Korean resident registration number <c>YYMMDD-GNNNNNC</c>: birth date, a century-and-sex digit G,
/// five digits and a check digit. BlindSpot only ever sees synthetic ones; this type validates and builds them.
/// </summary>
public static class ResidentNumber
{
    /// <summary>Length of the hyphenated form <c>900101-1234567</c>.</summary>
    public const int Length = 14;

    private static ReadOnlySpan<byte> Weights => [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

    /// <summary>The check digit of the first twelve digits (weights 2–9,2–5; 11 minus the sum mod 11, mod 10).</summary>
    public static int CheckDigit(ReadOnlySpan<byte> twelveDigits)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += twelveDigits[i] * Weights[i];
        }

        return (11 - (sum % 11)) % 10;
    }

    /// <summary>
    /// Checks the hyphenated form, the birth date, the century digit (1–4) and the check digit.
    /// Returns null when valid, else the rule that failed, for a quarantine reason.
    /// </summary>
    public static string? Validate(ReadOnlySpan<char> text)
    {
        if (text.Length != Length || text[6] != '-')
        {
            return "resident number must have the form YYMMDD-GNNNNNC (14 characters)";
        }

        Span<byte> digits = stackalloc byte[13];
        for (int i = 0, d = 0; i < Length; i++)
        {
            if (i == 6)
            {
                continue;
            }

            if (!char.IsAsciiDigit(text[i]))
            {
                return "resident number must contain only digits around the hyphen";
            }

            digits[d++] = (byte)(text[i] - '0');
        }

        if (digits[6] is < 1 or > 4)
        {
            return "resident number's 7th digit must be 1–4 (century and sex)";
        }

        if (TryGetBirthDate(digits) is null)
        {
            return "resident number's first six digits are not a real birth date";
        }

        return CheckDigit(digits) == digits[12] ? null : "resident number's check digit does not match";
    }

    /// <summary>Builds a valid hyphenated number from a birth date, sex and a five-digit serial.</summary>
    public static string Create(DateOnly birthDate, bool male, int serial)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 99_999);
        Span<byte> digits = stackalloc byte[13];
        Write(digits[..2], birthDate.Year % 100);
        Write(digits[2..4], birthDate.Month);
        Write(digits[4..6], birthDate.Day);
        digits[6] = (byte)((birthDate.Year >= 2000 ? 3 : 1) + (male ? 0 : 1));
        Write(digits[7..12], serial);
        digits[12] = (byte)CheckDigit(digits);
        Span<char> text = stackalloc char[Length];
        for (int i = 0, d = 0; i < Length; i++)
        {
            text[i] = i == 6 ? '-' : (char)('0' + digits[d++]);
        }

        return new string(text);
    }

    /// <summary>Masks all but the birth date and the century-and-sex digit: <c>900101-1******</c>, as worklists show it.</summary>
    public static string Mask(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return number.Length == Length ? string.Concat(number.AsSpan(0, 8), "******") : new string('*', number.Length);
    }

    private static DateOnly? TryGetBirthDate(ReadOnlySpan<byte> digits)
    {
        var century = digits[6] <= 2 ? 1900 : 2000;
        var year = century + (digits[0] * 10) + digits[1];
        var month = (digits[2] * 10) + digits[3];
        var day = (digits[4] * 10) + digits[5];
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        return new DateOnly(year, month, day);
    }

    private static void Write(Span<byte> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (byte)(value % 10);
            value /= 10;
        }
    }
}
