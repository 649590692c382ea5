using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using BlindSpot.Core.Catalog;
using BlindSpot.Portal.Tests.TestSupport;
using BlindSpot.Testing;

namespace BlindSpot.Portal.Tests.Uploads;

/// <summary>
/// The officer's outcome upload through the real portal: it reveals nothing about people outside the officer's own list,
/// refuses hostile files with a Korean 400 and an audit entry (never a 500), takes outcomes only for quarters the page
/// offers, and audits the upload's real result.
/// </summary>
[Category("Integration")]
[NonParallelizable]
public sealed partial class OutcomeUploadEndpointTests
{
    private PostgresTestDatabase database = null!;
    private PortalData data = null!;
    private PortalFactory factory = null!;
    private PortalSession jongno = null!;

    [SetUp]
    public async Task StartPortal()
    {
        database = await PostgresTestDatabase.CreateAsync();
        data = await PortalData.CreateAsync();
        factory = new PortalFactory(data, database);
        jongno = await factory.SignedInAsync("officer-11110");
    }

    [TearDown]
    public async Task StopPortal()
    {
        jongno?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        data?.Dispose();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    [Test]
    public async Task Upload_ResidentOnAnotherSigungusList_IsAnsweredLikeAnUnknownResident_AndAuditedAsRejected()
    {
        var suwonHousehold = PortalData.ResidentNumber(4);   // on 41110's household list
        var nobody = PortalData.ResidentNumber(99);          // on no list
        var file = Encoding.UTF8.GetBytes($"variant,resident_no,outcome,outcome_date\nhousehold,{suwonHousehold},supported,2026-10-15\nhousehold,{nobody},supported,2026-10-15\n");

        using var upload = await jongno.UploadAsync(PortalData.Jongno, PortalData.Quarter, "probe.csv", file);
        using var result = await jongno.GetAsync(upload.Headers.Location!.ToString());
        var rows = RowCells().Matches(await result.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();

        Assert.That(rows, Has.Count.EqualTo(2));
        Assert.That(rows[0], Is.EqualTo(rows[1].Replace("<td>3</td>", "<td>2</td>", StringComparison.Ordinal)), "the same answer, but for the line number");
        Assert.That(rows[0], Does.Not.Contain("41110").And.Not.Contain("-H-"));
        Assert.That(await AuditRows.CountAsync(database, "upload", "rejected"), Is.EqualTo(1));
        Assert.That(await AuditRows.CountAsync(database, "upload", "ok"), Is.Zero, "0 rows accepted is not ok");
    }

    [Test]
    public async Task Upload_AMillionRowXlsx_IsRefusedInKoreanAndAudited()
    {
        var bomb = RawXlsx.Package(w =>
        {
            w.Write("<row r=\"1\"><c t=\"inlineStr\"><is><t>워크리스트ID</t></is></c><c t=\"inlineStr\"><is><t>결과코드</t></is></c><c t=\"inlineStr\"><is><t>확인일자</t></is></c></row>");
            for (var r = 2; r <= 1_000_001; r++)
            {
                w.Write($"<row r=\"{r}\"><c t=\"inlineStr\"><is><t>x</t></is></c></row>");
            }
        });

        using var response = await jongno.UploadAsync(PortalData.Jongno, PortalData.Quarter, "bomb.xlsx", bomb);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("행이 너무 많습니다: 한 파일에 20,000행까지"));
        Assert.That(await AuditRows.CountAsync(database, "upload", "too-many-rows"), Is.EqualTo(1));
    }

    [TestCase("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>&e;</t></is></c></row></sheetData></worksheet>", TestName = "CraftedXlsx_ExternalEntity")]
    [TestCase("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>&c;</t></is></c></row></sheetData></worksheet>", TestName = "CraftedXlsx_BillionLaughs")]
    [TestCase("<worksheet><sheetData><row r=\"1\"><c", TestName = "CraftedXlsx_MalformedXml")]
    public async Task Upload_CraftedXlsx_IsAKorean400AndAudited(string sheetXml)
    {
        using var response = await jongno.UploadAsync(PortalData.Jongno, PortalData.Quarter, "crafted.xlsx", RawXlsx.RawSheet(sheetXml));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("엑셀(XLSX) 파일을 읽을 수 없습니다").And.Not.Contain("root:"));
        Assert.That(await AuditRows.CountAsync(database, "upload", "invalid-xlsx"), Is.EqualTo(1));
    }

    [Test]
    public async Task Upload_DamagedZip_IsAKorean400AndAudited()
    {
        byte[] damaged = [.. "PK\u0003\u0004"u8, .. Enumerable.Repeat((byte)0x5A, 4000)];

        using var response = await jongno.UploadAsync(PortalData.Jongno, PortalData.Quarter, "damaged.xlsx", damaged);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("엑셀(XLSX) 파일을 읽을 수 없습니다"));
        Assert.That(await AuditRows.CountAsync(database, "upload", "invalid-xlsx"), Is.EqualTo(1));
    }

    [Test]
    public async Task Upload_ForAQuarterWithoutTheOfficersWorklist_Is404AndCreatesNoLabels()
    {
        // 2026Q2 has a register (past dispatches naming a 종로구 resident) but no worklist on the officer's page.
        var q2 = Core.Quarters.Quarter.Parse("2026Q2", null);
        Directory.CreateDirectory(data.Root.OutcomesFolder(q2));
        File.WriteAllText(data.Root.PastDispatches(q2), $"quarter,variant,resident_no,household_no,sigungu_code,selected_by,score,worklist_id\n2026Q2,household,{PortalData.ResidentNumber(1)},H000000001,11110,rule,0.9,\n");
        var file = Encoding.UTF8.GetBytes($"variant,resident_no,outcome,outcome_date\nhousehold,{PortalData.ResidentNumber(1)},supported,2026-05-15\n");

        using var response = await jongno.UploadAsync(PortalData.Jongno, "2026Q2", "old.csv", file, tokenPage: "/officer/11110/2026Q3");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(File.Exists(data.Root.Labels(q2)), Is.False);
        Assert.That(await AuditRows.CountAsync(database, "denied", "no-worklist"), Is.EqualTo(1));
    }

    [Test]
    public async Task Upload_Cp949Csv_IsReadLikeUtf8()
    {
        var own = data.Of(PortalData.Jongno)[0].WorklistId;
        var file = TextEncodings.Cp949.GetBytes($"워크리스트ID,결과코드,확인일자\r\n{own},지원,2026/10/15\r\n");

        using var upload = await jongno.UploadAsync(PortalData.Jongno, PortalData.Quarter, "결과.csv", file);
        using var result = await jongno.GetAsync(upload.Headers.Location!.ToString());

        Assert.That(await result.Content.ReadAsStringAsync(), Does.Contain("1행 = 반영 1 + 거부 0 + 미작성 0"));
        Assert.That(await AuditRows.CountAsync(database, "upload", "ok"), Is.EqualTo(1));
    }

    [GeneratedRegex("<tr class=\"(?:ok|rejected|pending)\">(.*?)</tr>")]
    private static partial Regex RowCells();
}
