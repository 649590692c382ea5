using System.Globalization;

namespace BlindSpot.Features.Writing;

/// <summary>Region codes back to text for a row group: one string per run of equal codes, none per row.</summary>
internal static class CodeTexts
{
    public static void Fill(ReadOnlySpan<int> codes, string format, Span<ReadOnlyMemory<char>> target)
    {
        var cache = new Dictionary<int, ReadOnlyMemory<char>>();
        var lastCode = -1;
        var lastText = ReadOnlyMemory<char>.Empty;
        for (var k = 0; k < codes.Length; k++)
        {
            var code = codes[k];
            if (code != lastCode || k == 0)
            {
                if (!cache.TryGetValue(code, out lastText))
                {
                    lastText = code.ToString(format, CultureInfo.InvariantCulture).AsMemory();
                    cache[code] = lastText;
                }

                lastCode = code;
            }

            target[k] = lastText;
        }
    }
}
