namespace BlindSpot.Dispatch.Reports;

/// <summary>Who made a report, in the words intake accepts (Korean, or the English code) and the Korean shown to officers.</summary>
public static class ReporterKinds
{
    private static readonly Dictionary<string, string> Korean = new(StringComparer.OrdinalIgnoreCase)
    {
        ["이웃"] = "이웃", ["neighbour"] = "이웃", ["neighbor"] = "이웃",
        ["집주인"] = "집주인", ["landlord"] = "집주인",
        ["이통반장"] = "이통반장", ["통반장"] = "이통반장", ["village_head"] = "이통반장",
        ["가족"] = "가족", ["family"] = "가족",
        ["기관"] = "기관", ["institution"] = "기관",
        ["의료기관"] = "의료기관", ["hospital"] = "의료기관",
        ["복지기관"] = "복지기관", ["welfare_agency"] = "복지기관",
        ["기타"] = "기타", ["other"] = "기타",
    };

    /// <summary>The Korean kinds, in the order a form offers them.</summary>
    public static IReadOnlyList<string> All { get; } = ["이웃", "집주인", "이통반장", "가족", "기관", "의료기관", "복지기관", "기타"];

    /// <summary>The Korean kind of <paramref name="text"/>, or null when it names none.</summary>
    public static string? Parse(string text) => Korean.GetValueOrDefault((text ?? "").Trim());
}
