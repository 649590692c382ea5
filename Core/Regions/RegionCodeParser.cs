using System.Globalization;

namespace BlindSpot.Core.Regions;

/// <summary>
/// Parses a roster region-code column (시군구, 읍면동) to ints, remembering the last text it parsed. The roster is sorted by
/// 시군구, so consecutive rows mostly repeat the code before them and cost a comparison of a few characters instead of a
/// parse. A text that is not a code fails naming the file, row, column and value. One per column and reader.
/// </summary>
public sealed class RegionCodeParser(string column, string path)
{
    private readonly char[] lastText = new char[16];
    private int lastLength = -1;
    private int lastCode;

    public int Parse(ReadOnlySpan<char> text, int row)
    {
        if (text.Length == lastLength && text.SequenceEqual(lastText.AsSpan(0, lastLength)))
        {
            return lastCode;
        }

        if (text.IsEmpty || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            throw new InvalidDataException($"{path}: row {row} has {column} '{text}', which is not a numeric code.");
        }

        // A text longer than the cache (leading zeros can make a valid code that long) is parsed every time.
        if (text.TryCopyTo(lastText))
        {
            lastLength = text.Length;
            lastCode = code;
        }

        return code;
    }
}
