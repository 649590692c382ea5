using System.Globalization;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Pipeline.Reporting;

/// <summary>
/// The run report's words: Korean first and English beside it, as on the portal's analyst pages, and readable names for
/// the counts the stages record under their internal keys (<c>rowsAccepted</c> → 받아들인 행 · rows accepted).
/// </summary>
internal static class ReportText
{
    private static readonly Dictionary<string, (string Ko, string En)> Counts = new(StringComparer.Ordinal)
    {
        ["rowsRead"] = ("읽은 행", "rows read"),
        ["rowsAccepted"] = ("받아들인 행", "rows accepted"),
        ["rowsQuarantined"] = ("격리한 행", "rows quarantined"),
        ["duplicates"] = ("중복", "duplicates"),
        ["unknownKeys"] = ("명부에 없는 키", "keys not on the roster"),
        ["absentFeeds"] = ("빠진 연계 자료", "feeds absent"),
        ["features"] = ("특성", "features"),
        ["rows"] = ("사람", "people"),
        ["entries"] = ("워크리스트 행", "worklist entries"),
        ["missingIdentity"] = ("신원 정보 없음", "without identity record"),
        ["rows.scored"] = ("점수 매긴 사람", "people scored"),
        ["candidates"] = ("사유를 붙인 후보", "candidates with reasons"),
        ["quota"] = ("할당", "quota"),
        ["selected"] = ("선정", "selected"),
    };

    private static readonly Dictionary<string, (string Ko, string En)> Variants = new(StringComparer.Ordinal)
    {
        ["household"] = ("위기가구", "household crisis"),
        ["child"] = ("위기아동", "child at risk"),
        ["lonely_death"] = ("고독사 위험", "lonely death risk"),
    };

    /// <summary>
    /// What a report section says when the previous quarter has nothing to compare with: on the first quarter run in
    /// a data root that is the normal case, not an error, and the next quarter's report will compare with this one.
    /// </summary>
    public static string FirstQuarterNote(Quarter quarter, string missingKo, string missingEn) =>
        Both($"첫 분기: 비교할 이전 분기가 없습니다 (이 데이터 루트에 {quarter.Previous}의 {missingKo} 없음). 다음 분기 보고서부터 {quarter}와 비교합니다.",
            $"First quarter: no previous quarter to compare ({quarter.Previous} has no {missingEn} in this data root). Next quarter's report compares with {quarter}.");

    /// <summary>"한국어 · English".</summary>
    public static string Both(string ko, string en) => $"{ko} · {en}";

    /// <summary>A variant code as "위기가구 · household crisis"; an unknown code as itself.</summary>
    public static string Variant(string code) => Variants.TryGetValue(code, out var name) ? Both(name.Ko, name.En) : code;

    /// <summary>
    /// A stage count as "받아들인 행 · rows accepted 188,430"; per-variant keys (<c>child.rows</c>) name the variant
    /// first. Keys without a name stay as recorded rather than being dropped.
    /// </summary>
    public static string Count(string key, long value)
    {
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        var (variant, name) = dot > 0 && Variants.ContainsKey(key[..dot]) ? (key[..dot], key[(dot + 1)..]) : ("", key);
        var label = Counts.TryGetValue(name, out var plain) ? Both(plain.Ko, plain.En) : key;
        if (variant.Length > 0 && Counts.TryGetValue(name == "rows" ? "rows.scored" : name, out var words))
        {
            label = Both($"{Variants[variant].Ko} {words.Ko}", $"{variant.Replace('_', ' ')} {words.En}");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{label} {value:N0}");
    }
}
