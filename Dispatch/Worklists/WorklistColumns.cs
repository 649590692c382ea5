using System.Globalization;
using BlindSpot.Core.Catalog;

namespace BlindSpot.Dispatch.Worklists;

/// <summary>
/// The worklist's columns, in order, with Korean headers an official reads and the value of each for an entry.
/// The last two columns are left empty for the official to fill in: the file doubles as the outcome template.
/// </summary>
public static class WorklistColumns
{
    public const string OutcomeHeader = "결과코드(supported/not_eligible/unreachable)";
    public const string OutcomeDateHeader = "확인일자(yyyy-MM-dd)";

    public static IReadOnlyList<(string Header, Func<WorklistEntry, string> Value, double Width)> All { get; } =
    [
        ("워크리스트ID", e => e.WorklistId, 24),
        ("분기", e => e.Quarter, 9),
        ("시군구코드", e => e.SigunguCode, 10),
        ("시군구", e => e.SigunguName, 12),
        ("유형", e => VariantName(e.Variant), 12),
        ("위험등급", e => e.RiskBand, 8),
        ("시군구내순위", e => e.SigunguRank.ToString(CultureInfo.InvariantCulture), 10),
        ("성명", e => e.Name, 10),
        ("주민등록번호", e => e.MaskedResidentNumber, 16),
        ("주소", e => e.Address, 40),
        ("연락처", e => e.Phone, 15),
        ("발굴사유1", e => e.Reasons.ElementAtOrDefault(0) ?? "", 36),
        ("발굴사유2", e => e.Reasons.ElementAtOrDefault(1) ?? "", 36),
        ("발굴사유3", e => e.Reasons.ElementAtOrDefault(2) ?? "", 36),
        ("가구원", e => string.Join("; ", e.OtherMembers), 30),
        ("이전발굴분기", e => string.Join(", ", e.PreviousDispatches), 16),
        ("결과회신기한", e => e.OutcomeDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), 12),
        (OutcomeHeader, _ => "", 22),
        (OutcomeDateHeader, _ => "", 14),
    ];

    public static string VariantName(Variant variant) => variant switch
    {
        Variant.Household => "위기가구",
        Variant.Child => "위기아동",
        Variant.LonelyDeath => "고독사위험",
        _ => throw new ArgumentOutOfRangeException(nameof(variant)),
    };
}
