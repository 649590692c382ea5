using System.Globalization;
using System.Text.RegularExpressions;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Cli.Commands;

/// <summary>
/// The one way to write a quarter on the command line: <c>YYYYQn</c>, e.g. <c>2026Q3</c>. The Q may be lower case
/// (<c>2026q3</c> means only one thing; every output prints it back as <c>2026Q3</c>); anything else is refused with a
/// message saying what is wrong: a separator (<c>2026-Q3</c>), a quarter number beyond 4, a year outside the range.
/// </summary>
internal static partial class QuarterText
{
    public static bool TryParse(string text, out Quarter quarter, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        quarter = default;
        error = "";
        var trimmed = text.Trim();
        if (Canonical().Match(trimmed) is { Success: true } match)
        {
            var year = int.Parse(match.Groups["year"].ValueSpan, CultureInfo.InvariantCulture);
            var number = match.Groups["number"].ValueSpan[0] - '0';
            if (number is < 1 or > 4)
            {
                error = $"'{text}' is not a quarter: the quarter number is 1–4, e.g. {year}Q1 … {year}Q4.";
                return false;
            }

            if (year is < Quarter.MinYear or > Quarter.MaxYear)
            {
                error = $"'{text}' is out of range: quarters run from {Quarter.MinYear}Q1 to {Quarter.MaxYear}Q4.";
                return false;
            }

            quarter = new Quarter(year, number);
            return true;
        }

        error = Separated().Match(trimmed) is { Success: true } separated
            ? $"'{text}' is not a quarter: write it without a separator, as {separated.Groups["year"].Value}Q{separated.Groups["number"].Value}."
            : $"'{text}' is not a quarter: write it as YYYYQn, e.g. 2026Q3.";
        return false;
    }

    /// <summary>A quarter or an inclusive range <c>2025Q3..2026Q1</c>, each end as <see cref="TryParse"/> wants it.</summary>
    public static bool TryParseRange(string text, out QuarterRange? range, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        range = null;
        var separator = text.IndexOf("..", StringComparison.Ordinal);
        var firstText = separator < 0 ? text : text[..separator];
        var lastText = separator < 0 ? text : text[(separator + 2)..];
        if (!TryParse(firstText, out var first, out error) || !TryParse(lastText, out var last, out error))
        {
            return false;
        }

        if (last < first)
        {
            error = $"'{text}' runs backwards: write the earlier quarter first, e.g. {last}..{first}.";
            return false;
        }

        range = new QuarterRange(first, last);
        return true;
    }

    [GeneratedRegex(@"^(?<year>\d{4})[Qq](?<number>\d)$", RegexOptions.CultureInvariant)]
    private static partial Regex Canonical();

    [GeneratedRegex(@"^(?<year>\d{4})\s*[-_/. ]\s*[Qq]?(?<number>[1-4])$", RegexOptions.CultureInvariant)]
    private static partial Regex Separated();
}
