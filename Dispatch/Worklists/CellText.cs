namespace BlindSpot.Dispatch.Worklists;

/// <summary>Makes text safe to open in Excel: a cell starting with = + - @ (or a tab/CR) would run as a formula, so it gets a leading apostrophe.</summary>
public static class CellText
{
    public static string Neutralise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }
}
