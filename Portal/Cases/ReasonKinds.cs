namespace BlindSpot.Portal.Cases;

/// <summary>
/// The kinds of reason an officer filters by, each matched by words that the Korean reason sentences of that kind
/// contain (the sentences come from the feed catalog's names and templates, so the words are stable).
/// </summary>
public static class ReasonKinds
{
    /// <summary>(key, label, words): a case is of the kind when any of its reasons contains any of the words.</summary>
    public static IReadOnlyList<(string Key, string Label, IReadOnlyList<string> Words)> All { get; } =
    [
        ("utility-cut", "단전·단수·단가스", ["단전", "단수", "단가스"]),
        ("utility-arrears", "공과금 체납", ["전기요금", "수도요금", "가스요금", "통신비"]),
        ("health-insurance", "건강보험료 체납", ["건강보험료"]),
        ("medical", "의료·건강", ["의료", "진료", "건강검진"]),
        ("debt", "채무·금융", ["채무", "신용", "대출", "부채"]),
        ("housing", "주거", ["임대", "관리비", "주거"]),
        ("work", "고용·소득", ["고용", "실직", "실업", "소득", "국민연금"]),
        ("alone", "1인 가구", ["1인 가구", "1인가구"]),
    ];

    public static bool IsKnown(string? key) => key is not null && All.Any(k => k.Key == key);

    public static IReadOnlyList<string> WordsOf(string key) => All.First(k => k.Key == key).Words;
}
