using System.Text;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Dispatch.Reports;

namespace BlindSpot.Dispatch.Tests.Reports;

public sealed class ReportFileReaderTests
{
    private static readonly DateOnly Today = new(2026, 9, 15);
    private static readonly string Resident = ResidentNumber.Create(new DateOnly(1961, 5, 2), true, 42);
    private string folder = null!;

    [SetUp]
    public void MakeFolder() => folder = Directory.CreateTempSubdirectory("blindspot-reports-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Read_KoreanHeadersInCp949_ReadsLikeUtf8()
    {
        var text = $"주민등록번호,성명,주소,관찰내용,신고자구분,신고일자\n{Resident},,,우편물이 쌓여 있음,이웃,2026-09-01\n,홍길동,서울 종로구 세종대로 1,며칠째 불이 꺼져 있음,집주인,2026.09.02\n";
        var utf8 = Write("utf8.csv", text, new UTF8Encoding(false));
        var cp949 = Write("cp949.csv", text, TextEncodings.Cp949);

        var a = ReportFileReader.Read(utf8, Today);
        var b = ReportFileReader.Read(cp949, Today);

        Assert.That(a.Rejected, Is.Empty);
        Assert.That(b.Reports, Is.EqualTo(a.Reports));
        Assert.That(a.Reports.Select(r => (r.Line, r.ResidentNumber, r.Name, r.ReporterKind)), Is.EqualTo(new[] { (2L, (string?)Resident, "", "이웃"), (3L, null, "홍길동", "집주인") }));
        Assert.That(a.Reports[1].ReportedOn, Is.EqualTo(new DateOnly(2026, 9, 2)));
    }

    [Test]
    public void Read_BadRows_AreNamedByFileLineAndField_NeverByTheirText_AndEveryRowCounts()
    {
        var good = ResidentNumber.Create(new DateOnly(1961, 5, 2), true, 43);
        var bad = good[..^1] + (good[^1] == '0' ? "1" : "0");   // a wrong check digit
        var path = Write("reports.csv", $"""
            resident_no,name,address,observed,reporter_kind,reported_on
            {bad},,,문 앞에 쓰레기,neighbour,2026-09-01
            ,홍길동,,보이지 않음,이웃,2026-09-01
            {Resident},,,,이웃,2026-09-01
            {Resident},,,쓰러진 것을 봄,행인,2026-09-01
            {Resident},,,쓰러진 것을 봄,기관,2026-09-30
            ,,,,,
            {Resident},,,쓰러진 것을 봄,institution,2026-09-03

            """, new UTF8Encoding(true));

        var file = ReportFileReader.Read(path, Today);

        Assert.That(file.Rejected.Select(r => (r.File, r.Line, r.Field)), Is.EqualTo(new[]
        {
            ("reports.csv", 2L, "resident_no"), ("reports.csv", 3L, "address"), ("reports.csv", 4L, "observed"),
            ("reports.csv", 5L, "reporter_kind"), ("reports.csv", 6L, "reported_on"),
        }));
        Assert.That(file.Reports.Single().Line, Is.EqualTo(8), "the blank line 7 is skipped, not refused");
        Assert.That(file.Read, Is.EqualTo(6));
        Assert.That(file.Rejected.Select(r => r.ToString()), Has.None.Contains(bad[..6]).And.None.Contains(Resident[..6]));
    }

    [Test]
    public void Read_HeaderWithoutWhomOrWhat_IsRefusedAsAWholeNamingTheColumns()
    {
        var path = Write("wrong.csv", "성명,관찰내용\n홍길동,보이지 않음\n", new UTF8Encoding(true));

        var error = Assert.Throws<ReportFileException>(() => ReportFileReader.Read(path, Today))!;

        Assert.That(error.Message, Does.Contain("wrong.csv: line 1").And.Contain("reporter_kind").And.Contain("reported_on").And.Contain("address"));
        Assert.That(error.Korean, Does.Contain("신고자구분"));
    }

    private string Write(string name, string text, Encoding encoding)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text, encoding);
        return path;
    }
}
