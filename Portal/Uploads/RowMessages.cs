using System.Text.RegularExpressions;
using BlindSpot.Dispatch.Outcomes;

namespace BlindSpot.Portal.Uploads;

/// <summary>
/// Dispatch's per-row verdicts in the officer's words (Korean). Dispatch words them in English for its own reports;
/// the portal reads the field and the shape of each verdict and says the same in Korean, keeping the value the officer
/// typed. A verdict of an unknown shape keeps its original words, so nothing the importer said is ever hidden. A row
/// naming a person on another 시군구's list keeps the very words of a row naming nobody.
/// </summary>
internal static partial class RowMessages
{
    /// <summary>The column as the worklist's own header names it.</summary>
    public static string Field(string? field) => field switch
    {
        null or "" => "",
        "worklist_id" => "워크리스트ID",
        "resident_no" => "주민등록번호",
        "variant" => "유형",
        "quarter" => "분기",
        "sigungu_code" => "시군구코드",
        "outcome" => "결과코드",
        "outcome_date" => "확인일자",
        "correction" => "정정",
        _ => field,
    };

    /// <summary>The row's verdict in Korean, for an upload of <paramref name="quarter"/> by <paramref name="sigungu"/>.</summary>
    public static string Korean(OutcomeRowResult row, string quarter, string sigungu)
    {
        ArgumentNullException.ThrowIfNull(row);
        var m = row.Message;
        if (row.Pending)
        {
            return "미입력: 결과코드와 확인일자를 아직 적지 않았습니다 (거부가 아니라 미작성으로 집계합니다).";
        }

        if (row.Accepted)
        {
            return m switch
            {
                _ when m.StartsWith("accepted as a correction", StringComparison.Ordinal) => "정정으로 반영했습니다 (이전 회신을 대신합니다).",
                _ when m.StartsWith("duplicate of line", StringComparison.Ordinal) => $"{Number(m)}행과 같은 내용이라 한 번만 반영했습니다.",
                _ when m.StartsWith("already on record", StringComparison.Ordinal) => "같은 결과가 이미 회신되어 있어 다시 더하지 않았습니다.",
                _ => "반영했습니다.",
            };
        }

        return row.Field switch
        {
            "quarter" => $"다른 분기의 행입니다: 이 파일에는 {quarter} 결과만 올릴 수 있습니다.",
            "variant" => "유형을 알 수 없습니다: household(위기가구), child(위기아동), lonely_death(고독사위험) 중 하나, 지원 종류(기초생활보장, 긴급지원, 서비스연계, 민간연계, 아동보호) 또는 기수급, 거부, 전출, 기타를 적어 주세요.",
            "worklist_id" or "resident_no" when m.StartsWith("not on", StringComparison.Ordinal) =>
                $"{sigungu} {quarter} 워크리스트에 없는 대상자입니다: 내려받은 워크리스트의 워크리스트ID와 맞춰 보세요.",
            "sigungu_code" => $"시군구코드가 이 워크리스트({sigungu})와 다릅니다.",
            "outcome" when m.Contains("is not an outcome", StringComparison.Ordinal) =>
                $"'{Quoted(m)}'은(는) 결과코드가 아닙니다: supported, not_eligible, unreachable(또는 지원, 비대상, 연락불가) 중 하나, 지원 종류(기초생활보장, 긴급지원, 서비스연계, 민간연계, 아동보호) 또는 기수급, 거부, 전출, 기타를 적어 주세요.",
            "outcome" when m.StartsWith("conflicts with line", StringComparison.Ordinal) =>
                $"이 파일의 {Number(m)}행과 결과가 다릅니다: 바꾸려면 '정정' 열에 Y를 적어 주세요.",
            "outcome" when m.StartsWith("conflicts with the outcome on record", StringComparison.Ordinal) =>
                "이미 회신된 결과와 다릅니다: 바꾸려면 '정정' 열에 Y를 적어 주세요.",
            "outcome_date" when m.Contains("is not a date", StringComparison.Ordinal) =>
                $"'{Quoted(m)}'은(는) 날짜가 아닙니다: yyyy-MM-dd로 적어 주세요(2026/10/22, 2026.10.22, 엑셀 날짜도 읽습니다).",
            "outcome_date" when m.Contains("is not plausible", StringComparison.Ordinal) =>
                $"{m[..m.IndexOf(' ', StringComparison.Ordinal)]}은(는) 맞지 않는 확인일자입니다: {quarter} 분기 첫날부터 오늘까지, 분기 끝에서 1년 안의 날짜여야 합니다.",
            _ => m,
        };
    }

    private static string Number(string message) => Digits().Match(message).Value;

    private static string Quoted(string message) => QuotedText().Match(message).Groups["text"].Value;

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();

    [GeneratedRegex("^'(?<text>.*)' is not", RegexOptions.Singleline)]
    private static partial Regex QuotedText();
}
