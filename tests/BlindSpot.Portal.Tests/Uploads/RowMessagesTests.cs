using BlindSpot.Dispatch.Outcomes;
using BlindSpot.Portal.Uploads;

namespace BlindSpot.Portal.Tests.Uploads;

/// <summary>
/// Each kind of verdict Dispatch's checker gives (its words copied from <c>OutcomeRowChecker</c>) reads in Korean; the
/// endpoint tests (<see cref="UploadResultPageTests"/>) check the common kinds through the real importer.
/// </summary>
public sealed class RowMessagesTests
{
    [TestCase(true, null, "accepted as a correction of import 1a2b", "정정으로 반영했습니다", TestName = "Correction")]
    [TestCase(true, null, "duplicate of line 4: recorded once", "4행과 같은 내용이라 한 번만 반영했습니다", TestName = "DuplicateInTheFile")]
    [TestCase(true, null, "already on record (import 1a2b): not added again", "이미 회신되어 있어 다시 더하지 않았습니다", TestName = "AlreadyOnRecord")]
    [TestCase(false, "outcome", "conflicts with line 3 (supported, 2026-10-01): to replace it, mark the row as a correction (정정 column: Y)", "이 파일의 3행과 결과가 다릅니다: 바꾸려면 '정정' 열에 Y를", TestName = "ConflictInTheFile")]
    [TestCase(false, "outcome", "conflicts with the outcome on record (supported, 2026-10-01, import 1a2b): to replace it, mark the row as a correction (정정 column: Y)", "이미 회신된 결과와 다릅니다", TestName = "ConflictOnRecord")]
    [TestCase(false, "outcome_date", "2025-01-01 is not plausible: a visit for 2026Q3 falls between 2026-07-01 and today, within a year of the quarter", "2025-01-01은(는) 맞지 않는 확인일자입니다", TestName = "ImplausibleDate")]
    [TestCase(false, "quarter", "row is for 2026Q2, but this upload is for 2026Q3", "이 파일에는 2026Q3 결과만", TestName = "OtherQuarter")]
    [TestCase(false, "sigungu_code", "the row says 11140, but this upload is for 11110", "시군구코드가 이 워크리스트(11110)와 다릅니다", TestName = "OtherSigunguCode")]
    [TestCase(false, "variant", "'adult' is not a variant: use household, child or lonely_death.", "유형을 알 수 없습니다", TestName = "UnknownVariant")]
    [TestCase(false, "resident_no", "not on 11110's 2026Q3 worklist: check the id against the downloaded worklist", "11110 2026Q3 워크리스트에 없는 대상자입니다", TestName = "NotOnTheList_ByResidentNumber")]
    [TestCase(false, "line", "a quote is never closed", "a quote is never closed", TestName = "UnknownKind_KeepsDispatchsWords")]
    public void Korean_SaysTheVerdictInTheOfficersWords(bool accepted, string? field, string message, string expected)
    {
        var row = new OutcomeRowResult(5, accepted, field, message, "2026Q3-11110-H-000001");

        Assert.That(RowMessages.Korean(row, "2026Q3", "11110"), Does.Contain(expected));
    }
}
