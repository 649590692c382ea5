using System.Globalization;
using BlindSpot.Core.Regions;

namespace BlindSpot.Portal.Cases;

/// <summary>
/// The 읍면동 of a 시군구 as the region registry numbers them (<see cref="Sigungu.EupmyeondongCode"/>): the only codes a
/// 시군구 officer may assign a case to, and the only ones a 읍면동 officer's account may name.
/// </summary>
public static class Eupmyeondongs
{
    /// <summary>Every 읍면동 code of <paramref name="sigungu"/>, in order.</summary>
    public static IReadOnlyList<string> Of(Sigungu sigungu)
    {
        ArgumentNullException.ThrowIfNull(sigungu);
        return [.. Enumerable.Range(1, sigungu.Eupmyeondong).Select(sigungu.EupmyeondongCode)];
    }

    /// <summary>"11110515 (5번째 읍면동)": the registry holds counts, not names, so the code with its place in the 시군구.</summary>
    public static string Label(string code) =>
        code.Length == 8 && int.TryParse(code.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 500 && (n - 500) % 5 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{code} ({(n - 500) / 5}번째 읍면동)")
            : code;
}
