using System.Globalization;

namespace BlindSpot.Features.Roster;

/// <summary>
/// Parses a roster region-code column to ints, remembering the last string it parsed. Ingestion dictionary-encodes the
/// code columns, so consecutive rows of a 시군구 hand back the same string instance and most rows cost one reference
/// comparison instead of a parse.
/// </summary>
internal sealed class CodeParser(string column, string path)
{
    private string? lastText;
    private int lastCode;

    public int Parse(string? text, int row)
    {
        if (ReferenceEquals(text, lastText) && text is not null)
        {
            return lastCode;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            throw new InvalidDataException($"{path}: row {row} has {column} '{text}', which is not a numeric code.");
        }

        lastText = text;
        lastCode = code;
        return code;
    }
}
