namespace BlindSpot.Dispatch.Worklists;

/// <summary>
/// Formula injection, for the places <see cref="Core.Csv.CsvFiles"/> does not reach: the XLSX writer neutralises text a
/// spreadsheet would run as a formula, and the readers of BlindSpot's own CSV files undo CsvFiles' escape.
/// </summary>
public static class CellText
{
    /// <summary>Text starting with = + - @ (or a tab/CR) with a leading apostrophe, as CsvFiles escapes CSV cells.</summary>
    public static string Neutralise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return IsFormula(text) ? "'" + text : text;
    }

    /// <summary>The text as written, from a cell CsvFiles escaped (an apostrophe before a formula character removed).</summary>
    public static string Restore(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 1 && text[0] == '\'' && IsFormula(text[1..]) ? text[1..] : text;
    }

    private static bool IsFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
}
