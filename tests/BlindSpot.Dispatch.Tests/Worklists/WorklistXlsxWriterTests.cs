using System.IO.Compression;
using BlindSpot.Core.Catalog;
using BlindSpot.Dispatch.Worklists;
using MiniExcelLibs;

namespace BlindSpot.Dispatch.Tests.Worklists;

public sealed class WorklistXlsxWriterTests
{
    private string path = "";

    [SetUp]
    public void CreatePath() => path = Path.Combine(Path.GetTempPath(), $"worklist-{Guid.NewGuid():N}.xlsx");

    [TearDown]
    public void DeletePath() => File.Delete(path);

    [Test]
    public void Write_ReadsBackWithTheSameRows()
    {
        WorklistEntry[] entries = [Entry("김민준", "서울특별시 종로구 세종대로 1, 101호"), Entry("=1+1", "부산광역시 중구 중앙대로 2")];

        WorklistXlsxWriter.Write(path, entries);

        var rows = MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.That(rows, Has.Count.EqualTo(2));
        Assert.That(rows[0]["성명"], Is.EqualTo("김민준"));
        Assert.That(rows[0]["주소"], Is.EqualTo("서울특별시 종로구 세종대로 1, 101호"));
        Assert.That(rows[0]["발굴사유1"], Is.EqualTo("건강보험료 8개월 체납 (1,240,000원)"));
        Assert.That(rows[1]["성명"], Is.EqualTo("'=1+1"), "formula-like text is neutralised");
        Assert.That(rows[0].Keys, Is.EqualTo(WorklistColumns.All.Select(c => c.Header)));
    }

    [Test]
    public void Write_OffersTheKoreanResultWordsInADropDown_AndDateCellsForTheVisitDate()
    {
        WorklistXlsxWriter.Write(path, [Entry("김민준", "서울"), Entry("이서연", "부산")]);

        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        string Text(string name)
        {
            using var reader = new StreamReader(zip.GetEntry(name)!.Open());
            return reader.ReadToEnd();
        }

        var (sheet, styles) = (Text("xl/worksheets/sheet1.xml"), Text("xl/styles.xml"));
        var list = System.Text.RegularExpressions.Regex.Match(sheet, "<x:dataValidation type=\"list\"[^>]*sqref=\"R2:R1048576\"><x:formula1>\"([^\"]+)\"</x:formula1>");
        Assert.That(list.Success, Is.True, "a drop-down on 결과코드 (column R)");
        Assert.That(list.Groups[1].Value.Split(','), Is.EqualTo(BlindSpot.Dispatch.Outcomes.OutcomeCode.All.Select(BlindSpot.Dispatch.Outcomes.OutcomeCode.Korean)));
        Assert.That(list.Groups[1].Value.Split(',').Select(BlindSpot.Dispatch.Outcomes.OutcomeCode.Parse), Has.None.Null, "every word offered is one the importer reads");
        Assert.That(sheet, Does.Contain("<x:dataValidation type=\"date\"").And.Contain("sqref=\"S2:S1048576\""));
        var style = System.Text.RegularExpressions.Regex.Match(sheet, "<x:c r=\"S3\" s=\"([0-9]+)\" />");
        Assert.That(style.Success, Is.True, "the blank date cell is a cell of the date style, not empty text");
        var xfs = System.Text.RegularExpressions.Regex.Matches(styles[styles.IndexOf("<x:cellXfs", StringComparison.Ordinal)..], "<x:xf [^>]*numFmtId=\"([0-9]+)\"");
        Assert.That(xfs[int.Parse(style.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)].Groups[1].Value, Is.EqualTo("164"));
        Assert.That(styles, Does.Contain("<x:numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\" />"));
    }

    [Test]
    public void Write_FreezesAndFiltersTheHeader()
    {
        WorklistXlsxWriter.Write(path, [Entry("김민준", "서울")]);

        using var zip = ZipFile.OpenRead(path);
        var sheet = new StreamReader(zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).Open()).ReadToEnd();
        Assert.That(sheet, Does.Contain("state=\"frozen\"").And.Contain("ySplit=\"1\""));
        Assert.That(sheet, Does.Contain("<x:autoFilter").Or.Contain("<autoFilter"));
        Assert.That(sheet, Does.Contain("<x:col ").Or.Contain("<col "), "column widths are set");
    }

    [Test]
    public void Write_Twice_GivesIdenticalBytes()
    {
        WorklistXlsxWriter.Write(path, [Entry("김민준", "서울")]);
        var first = File.ReadAllBytes(path);
        Thread.Sleep(1100);
        WorklistXlsxWriter.Write(path, [Entry("김민준", "서울")]);

        Assert.That(File.ReadAllBytes(path), Is.EqualTo(first));
    }

    private static WorklistEntry Entry(string name, string address) => new()
    {
        WorklistId = "2026Q3-11110-H-000001",
        Quarter = "2026Q3",
        PersonKey = name.GetHashCode(StringComparison.Ordinal),
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
