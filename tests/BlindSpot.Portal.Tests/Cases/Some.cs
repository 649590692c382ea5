using BlindSpot.Portal.Cases;

namespace BlindSpot.Portal.Tests.Cases;

/// <summary>Throwaway cases: serial i is 주민000i, variant 위기아동 every 4th, grade 하 every 3rd, a utility cut every 5th, dispatched before every 2nd.</summary>
internal static class Some
{
    public static string Id(string sigungu, int serial) => $"2026Q3-{sigungu}-H-{serial:D6}";

    public static CaseRecord Case(string sigungu, int serial) => new()
    {
        CaseId = Id(sigungu, serial),
        Quarter = "2026Q3",
        SigunguCode = sigungu,
        VariantName = serial % 4 == 0 ? "위기아동" : "위기가구",
        RiskBand = serial % 3 == 0 ? "하" : "상",
        SigunguRank = serial,
        Name = $"주민{serial:D4}",
        Due = new DateOnly(2026, 11, 29),
        Reasons = serial % 5 == 0 ? ["단전 2개월", "1인 가구"] : ["건강보험료 8개월 체납"],
        PreviousQuarters = serial % 2 == 0 ? ["2026Q1"] : [],
    };

    public static IReadOnlyList<CaseRecord> Cases(string sigungu, int count) => [.. Enumerable.Range(1, count).Select(i => Case(sigungu, i))];
}
