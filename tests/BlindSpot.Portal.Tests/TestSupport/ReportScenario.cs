using System.Globalization;
using BlindSpot.Core.Keys;
using BlindSpot.Testing;

namespace BlindSpot.Portal.Tests.TestSupport;

/// <summary>
/// The roster and identity vault of <see cref="PortalData"/>'s quarter, and a report file about its people: the five on
/// the worklists (serials 1–5), 홍길동 of 종로구's 읍면동 11110515 (11), 김철수 of 11110505 (12), two 이영희 at one address
/// (13, 14) and 최수원 of 수원시 (21).
/// </summary>
internal static class ReportScenario
{
    public const string Hong = "홍길동";
    public const string Kim = "김철수";
    public const string Choi = "최수원";

    /// <summary>What the reporter saw about 김하나, the first 종로구 worklist entry (serial 1).</summary>
    public const string AboutDispatched = "병원에 가지 못하고 있음";

    public static async Task WriteAsync(PortalData data)
    {
        var quarter = Core.Quarters.Quarter.Parse(PortalData.Quarter, CultureInfo.InvariantCulture);
        var keys = Pseudonymizer.ForSampleData();
        (int Serial, string Sigungu, string? Eupmyeondong, string Name, string Address)[] people =
        [
            (1, "11110", null, "김하나", "서울 종로구 어딘가로 1"), (2, "11110", null, "이두리", "서울 종로구 어딘가로 2"), (3, "11110", null, "박세나", "서울 종로구 어딘가로 3"),
            (4, "41110", null, "최네나", "경기 수원시 어딘가로 4"), (5, "41110", null, "정다섯", "경기 수원시 어딘가로 5"),
            (11, "11110", "11110515", Hong, "서울 종로구 세종대로 11"), (12, "11110", null, Kim, "서울 종로구 율곡로 12"),
            (13, "11110", null, "이영희", "서울 종로구 자하문로 13"), (14, "11110", null, "이영희", "서울 종로구 자하문로 13"),
            (21, "41110", null, Choi, "경기 수원시 팔달로 21"),
        ];
        await LakeWriter.WriteRosterAsync(data.Root, quarter, [.. people.Select(p =>
            new RosterPerson(keys.Person(PortalData.ResidentNumber(p.Serial)).Value, p.Serial, p.Sigungu, 50) { Eupmyeondong = p.Eupmyeondong ?? p.Sigungu + "505" })]);
        VaultWriter.Write(data.Root, quarter, people.Select(p => (PortalData.ResidentNumber(p.Serial), $"H{p.Serial}", p.Name, p.Address, $"010-1000-{p.Serial:D4}")));
    }

    /// <summary>Six rows: 4 matched (홍길동 by number, 김철수 by name and address, 김하나 by number, 최수원 by number), 1 ambiguous (이영희), 1 refused (a wrong check digit, line 7).</summary>
    public static string Csv()
    {
        var good = PortalData.ResidentNumber(30);
        var bad = good[..^1] + (good[^1] == '0' ? "1" : "0");
        return $"""
            주민등록번호,성명,주소,관찰내용,신고자구분,신고일자
            {PortalData.ResidentNumber(11)},,,우편물이 쌓여 있음,이웃,2026-09-01
            ,{Kim},서울 종로구  율곡로 12,며칠째 불이 꺼져 있음,집주인,2026-09-02
            ,이영희,서울 종로구 자하문로 13,기척이 없음,이웃,2026-09-03
            {PortalData.ResidentNumber(1)},,,{AboutDispatched},기관,2026-09-04
            {PortalData.ResidentNumber(21)},,,가스가 끊김,이웃,2026-09-05
            {bad},,,문 앞에 쓰레기,이웃,2026-09-06

            """;
    }

    /// <summary>Every resident number the scenario uses, to look for in pages, logs and files.</summary>
    public static IEnumerable<string> ResidentNumbers() => new[] { 1, 2, 3, 4, 5, 11, 12, 13, 14, 21, 30 }.Select(PortalData.ResidentNumber);
}
