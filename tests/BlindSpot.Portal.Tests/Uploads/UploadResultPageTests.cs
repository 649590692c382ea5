using System.Net;
using System.Text;
using BlindSpot.Portal.Tests.TestSupport;

namespace BlindSpot.Portal.Tests.Uploads;

/// <summary>
/// The upload result in the officer's words: every verdict in Korean, rows not yet filled in shown as 미작성/미입력 and
/// never as a rejection, and the rows to fix downloadable (own 시군구 only, audited, formula cells escaped).
/// </summary>
[NonParallelizable]
public sealed class UploadResultPageTests
{
    private PortalData data = null!;
    private PortalFactory factory = null!;
    private PortalSession jongno = null!;
    private string result = "";

    [SetUp]
    public async Task UploadAMixedFile()
    {
        data = await PortalData.CreateAsync(moreJongno: 3);
        factory = new PortalFactory(data, database: null);
        jongno = await factory.SignedInAsync("officer-11110");
        var own = data.Of(PortalData.Jongno);
        using var upload = await jongno.UploadAsync(PortalData.Jongno, PortalData.Quarter, "mixed.csv", Outcomes.Csv(
            (own[0].WorklistId, "supported", "2026-10-22"),                 // line 2: accepted
            (own[1].WorklistId, "", ""),                                    // line 3: not yet worked
            (own[2].WorklistId, "guess", "2026-10-22"),                     // line 4: no such outcome
            (data.Of(PortalData.Suwon)[0].WorklistId, "supported", "2026-10-22"), // line 5: another 시군구's entry
            ("=1+1", "supported", "2026-10-22"),                            // line 6: nobody, typed as a formula
            (own[3].WorklistId, "supported", "2026-13-45")));               // line 7: no such date
        Assert.That((int)upload.StatusCode, Is.EqualTo(302));
        result = upload.Headers.Location!.OriginalString;
    }

    [TearDown]
    public async Task StopPortal()
    {
        jongno.Dispose();
        await factory.DisposeAsync();
        data.Dispose();
    }

    [Test]
    public async Task ResultPage_SaysEveryVerdictInKorean_AndAnUnworkedRowIsNotARejection()
    {
        var page = await (await jongno.GetAsync(result)).Content.ReadAsStringAsync();

        Assert.That(page, Does.Contain("6행 = 반영 1 + 거부 4 + 미작성 1"));
        Assert.That(page, Does.Contain("<h1>2026Q3 11110 서울특별시 종로구 결과 올리기 처리 결과</h1>"));
        Assert.That(page, Does.Contain("<tr class=\"pending\"><td>3</td><td>미작성</td>").And.Contain("미입력: 결과코드와 확인일자를 아직 적지 않았습니다"));
        Assert.That(page, Does.Contain("<td>결과코드</td><td>&#x27;guess&#x27;은(는) 결과코드가 아닙니다").Or.Contain("<td>결과코드</td><td>'guess'은(는) 결과코드가 아닙니다"));
        Assert.That(page, Does.Contain("11110 2026Q3 워크리스트에 없는 대상자입니다"));
        Assert.That(page, Does.Contain("<td>확인일자</td>").And.Contain("은(는) 날짜가 아닙니다: yyyy-MM-dd로 적어 주세요"));
        Assert.That(page, Does.Contain("반영했습니다."));
        // Nothing left in the importer's English.
        Assert.That(page, Does.Not.Contain("not on").And.Not.Contain("is not an").And.Not.Contain("not yet worked").And.Not.Contain("accepted"));
        Assert.That(page, Does.Contain("고칠 행 4개 내려받기(CSV)"));
    }

    [Test]
    public async Task RowsToFix_HoldTheRejectedRowsInKorean_FormulasEscaped_AndTheDownloadIsAudited()
    {
        using var response = await jongno.GetAsync(result + "/to-fix.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(bytes[..3], Is.EqualTo(Encoding.UTF8.GetPreamble()), "a byte-order mark, so Excel shows Korean");
        Assert.That(lines[0], Is.EqualTo("행,워크리스트ID,항목,고칠 내용"));
        Assert.That(lines.Skip(1).Select(l => l.Split(',')[0]), Is.EqualTo(new[] { "4", "5", "6", "7" }), "rejected rows only, not the unworked one");
        Assert.That(lines[3], Does.StartWith("6,\"'=1+1\",워크리스트ID,"));
        // Another 시군구's entry (line 5, its id as the officer typed it) gets the very words of nobody's (line 6).
        Assert.That(lines[2].Split(',')[2..], Is.EqualTo(lines[3].Split(',')[2..]));
        Assert.That(string.Join("\n", lines), Does.Not.Contain("not on"));
        var audit = await factory.AuditAsync();
        Assert.That(audit.Count(e => e.Action == "download" && e.Outcome == "ok" && e.Target.EndsWith("/to-fix.csv", StringComparison.Ordinal) && e.Rows == 4), Is.EqualTo(1));
    }

    [Test]
    public async Task RowsToFix_OfAnotherSigungu_Is404AndAudited()
    {
        using var suwon = await factory.SignedInAsync("officer-41110");

        using var response = await suwon.GetAsync(result + "/to-fix.csv");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var audit = await factory.AuditAsync();
        Assert.That(audit.Count(e => e.Action == "denied" && e.Outcome == "other-sigungu" && e.UserName == "officer-41110" && e.Target.EndsWith("/to-fix.csv", StringComparison.Ordinal)), Is.EqualTo(1));
    }
}
