using BlindSpot.Core.Catalog;
using BlindSpot.Dispatch.Tests.Outcomes;
using BlindSpot.Dispatch.Worklists;

namespace BlindSpot.Dispatch.Tests.Worklists;

public sealed class WorklistCsvWriterTests
{
    private string path = "";

    [SetUp]
    public void CreatePath() => path = Path.Combine(Path.GetTempPath(), $"worklist-{Guid.NewGuid():N}.csv");

    [TearDown]
    public void DeletePath() => File.Delete(path);

    [Test]
    public void Write_FormulaLikeText_IsEscapedAndKeepsItsField()
    {
        WorklistCsvWriter.Write(path, [Entry("=HYPERLINK(\"http://x.example\",\"a,b\")", "@SUM(1)"), Entry("김민준", "서울특별시 종로구 세종대로 1, 101호")]);

        var rows = OutcomeImporterTests.ReadCsv(path);
        Assert.That(rows.Select(r => r.Length), Has.All.EqualTo(WorklistColumns.All.Count));
        Assert.That((rows[1][7], rows[1][9]), Is.EqualTo(("'=HYPERLINK(\"http://x.example\",\"a,b\")", "'@SUM(1)")));
        Assert.That((rows[2][7], rows[2][9]), Is.EqualTo(("김민준", "서울특별시 종로구 세종대로 1, 101호")));
        Assert.That(File.ReadAllBytes(path)[..3], Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "a BOM, so Excel shows the Korean text");
    }

    [Test]
    public void Write_PlainText_GivesTheBytesTheHandWrittenWriterGave()
    {
        WorklistCsvWriter.Write(path, [Entry("김민준", "서울특별시 종로구 세종대로 1, 101호")]);

        // The bytes of the writer before CsvFiles, for text with nothing to escape: only escaping may change them.
        const string Expected = "\uFEFF워크리스트ID,분기,시군구코드,시군구,유형,위험등급,시군구내순위,성명,주민등록번호,주소,연락처,발굴사유1,발굴사유2,발굴사유3,가구원,이전발굴분기,결과회신기한,결과코드(supported/not_eligible/unreachable),확인일자(yyyy-MM-dd)\r\n"
            + "2026Q3-11110-H-000001,2026Q3,11110,종로구,위기가구,상,1,김민준,900101-1******,\"서울특별시 종로구 세종대로 1, 101호\",010-1234-5678,\"건강보험료 8개월 체납 (1,240,000원)\",,,,,2026-11-29,,\r\n";
        Assert.That(System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(path)), Is.EqualTo(Expected));
    }

    internal static WorklistEntry Entry(string name, string address) => new()
    {
        WorklistId = "2026Q3-11110-H-000001",
        Quarter = "2026Q3",
        PersonKey = 1,
        SigunguCode = "11110",
        SigunguName = "종로구",
        Variant = Variant.Household,
        RiskBand = "상",
        SigunguRank = 1,
        NationalRank = 1,
        Score = 0.9f,
        Name = name,
        MaskedResidentNumber = "900101-1******",
        Address = address,
        Phone = "010-1234-5678",
        Reasons = ["건강보험료 8개월 체납 (1,240,000원)"],
        OutcomeDue = new DateOnly(2026, 11, 29),
        ModelVersion = "test",
    };
}
