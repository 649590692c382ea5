using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace BlindSpot.Core.Quarters;

/// <summary>
/// A calendar quarter such as <c>2026Q3</c>: the unit of every BlindSpot run. Immutable; ordered by time.
/// </summary>
public readonly record struct Quarter : IComparable<Quarter>, ISpanParsable<Quarter>
{
    /// <summary>Earliest year accepted; the discovery system began in 2015, simulations may go back further.</summary>
    public const int MinYear = 2000;

    /// <summary>Latest year accepted.</summary>
    public const int MaxYear = 2099;

    public Quarter(int year, int number)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"A quarter's year must be between {MinYear} and {MaxYear}.");
        }

        if (number is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, "A quarter's number must be 1, 2, 3 or 4.");
        }

        Year = year;
        Number = number;
    }

    public int Year { get; }

    /// <summary>1 to 4.</summary>
    public int Number { get; }

    /// <summary>The first day, e.g. 2026-07-01 for 2026Q3.</summary>
    public DateOnly FirstDay => new(Year, ((Number - 1) * 3) + 1, 1);

    /// <summary>The last day, e.g. 2026-09-30 for 2026Q3.</summary>
    public DateOnly LastDay => FirstDay.AddMonths(3).AddDays(-1);

    /// <summary>The date the quarter's data describe: its last day. Ages, "months since" and arrears are measured at this date.</summary>
    public DateOnly AsOf => LastDay;

    /// <summary>Months in the quarter, 1–12.</summary>
    public int FirstMonth => ((Number - 1) * 3) + 1;

    /// <summary>A running month count (year × 12 + month − 1) of the first month, for month arithmetic across years.</summary>
    public int MonthIndex => (Year * 12) + FirstMonth - 1;

    public Quarter Previous => Number == 1 ? new Quarter(Year - 1, 4) : new Quarter(Year, Number - 1);

    public Quarter Next => Number == 4 ? new Quarter(Year + 1, 1) : new Quarter(Year, Number + 1);

    /// <summary>The quarter that contains <paramref name="date"/>.</summary>
    public static Quarter Containing(DateOnly date) => new(date.Year, ((date.Month - 1) / 3) + 1);

    /// <summary>Quarters from this one to <paramref name="other"/>: positive when <paramref name="other"/> is later.</summary>
    public int QuartersUntil(Quarter other) => ((other.Year - Year) * 4) + other.Number - Number;

    public Quarter AddQuarters(int count)
    {
        var index = (Year * 4) + Number - 1 + count;
        return new Quarter(index / 4, (index % 4) + 1);
    }

    public bool Contains(DateOnly date) => date >= FirstDay && date <= LastDay;

    public int CompareTo(Quarter other) => ((Year * 4) + Number).CompareTo((other.Year * 4) + other.Number);

    public static bool operator <(Quarter left, Quarter right) => left.CompareTo(right) < 0;

    public static bool operator >(Quarter left, Quarter right) => left.CompareTo(right) > 0;

    public static bool operator <=(Quarter left, Quarter right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Quarter left, Quarter right) => left.CompareTo(right) >= 0;

    /// <summary>Formats as <c>2026Q3</c>, the form used in paths, file names and the CLI.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}Q{Number}");

    /// <summary>Parses <c>2026Q3</c> (case-insensitive, also <c>2026-Q3</c>); throws <see cref="FormatException"/> naming the rule otherwise.</summary>
    public static Quarter Parse(string text) => Parse(text.AsSpan(), null);

    public static Quarter Parse(string s, IFormatProvider? provider) => Parse(s.AsSpan(), provider);

    public static Quarter Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var quarter)
            ? quarter
            : throw new FormatException($"'{s.ToString()}' is not a quarter: write it as YYYYQn, e.g. 2026Q3, with a year {MinYear}–{MaxYear} and n 1–4.");

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Quarter result) =>
        TryParse(s.AsSpan(), provider, out result);

    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Quarter result)
    {
        result = default;
        s = s.Trim();
        if (s.Length == 7 && s[4] is '-')
        {
            Span<char> compact = stackalloc char[6];
            s[..4].CopyTo(compact);
            s[5..].CopyTo(compact[4..]);
            return TryParse(compact, provider, out result);
        }

        if (s.Length != 6 || s[4] is not ('Q' or 'q') || !char.IsAsciiDigit(s[5]))
        {
            return false;
        }

        if (!int.TryParse(s[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return false;
        }

        var number = s[5] - '0';
        if (year is < MinYear or > MaxYear || number is < 1 or > 4)
        {
            return false;
        }

        result = new Quarter(year, number);
        return true;
    }
}
