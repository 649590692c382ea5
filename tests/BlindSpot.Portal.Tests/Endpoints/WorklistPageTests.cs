using System.Net;
using BlindSpot.Portal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace BlindSpot.Portal.Tests.Endpoints;

/// <summary>
/// The officer's list page (embedded mode): filters, search and paging through the query string with totals, the
/// 시군구 name and Korean role, D-day and the overdue banner from the portal's clock; and no filter value ever shows
/// another 시군구's entries.
/// </summary>
[NonParallelizable]
public sealed class WorklistPageTests
{
    private PortalData data = null!;
    private ManualTime clock = null!;
    private PortalFactory factory = null!;
    private PortalSession jongno = null!;

    [SetUp]
    public async Task StartPortal()
    {
        data = await PortalData.CreateAsync(moreJongno: 60);
        // 2026-11-26 09:00 KST: three days before the due date (2026-11-29).
        clock = new ManualTime(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero));
        factory = new PortalFactory(data, database: null, services: s => s.AddSingleton<TimeProvider>(clock));
        jongno = await factory.SignedInAsync("officer-11110");
    }

    [TearDown]
    public async Task StopPortal()
    {
        jongno.Dispose();
        await factory.DisposeAsync();
        data.Dispose();
    }

    [Test]
    public async Task Page_ShowsTotalsAndPages_TheSigunguName_AndTheKoreanRole()
    {
        var page = await TextAsync("/officer/11110/2026Q3");

        // 63 entries still due: page 1 of 2, a link to page 2, never a silent cut.
        Assert.That(page, Does.Contain("조건에 맞는 대상자 63명 (전체 63명) · 1/2쪽"));
        Assert.That(page, Does.Contain("?page=2"));
        Assert.That(page, Does.Contain("2026Q3 11110 서울특별시 종로구 워크리스트"));
        Assert.That(page, Does.Contain("시군구 담당자"));
        Assert.That(page, Does.Not.Contain("(officer"));
    }

    [Test]
    public async Task Filter_AndSecondPage_ComeFromTheQueryString()
    {
        var second = await TextAsync("/officer/11110/2026Q3?page=2");
        var children = await TextAsync("/officer/11110/2026Q3?variant=%EC%9C%84%EA%B8%B0%EC%95%84%EB%8F%99");
        var byName = await TextAsync("/officer/11110/2026Q3?q=%EC%A3%BC%EB%AF%BC0060");

        Assert.That(second, Does.Contain("2/2쪽"));
        Assert.That(children, Does.Contain("조건에 맞는 대상자 1명 (전체 63명)").And.Contain("박세나").And.Not.Contain("김하나"));
        Assert.That(byName, Does.Contain("조건에 맞는 대상자 1명").And.Contain("주민0060"));
    }

    [Test]
    public async Task DDay_ThenOverdueBanner_FollowThePortalsClock()
    {
        var before = await TextAsync("/officer/11110/2026Q3");
        var overview = await TextAsync("/officer");
        clock.Advance(TimeSpan.FromDays(5));
        // Five days on, the session has long ended: sign in again.
        jongno.Dispose();
        jongno = await factory.SignedInAsync("officer-11110");
        var after = await TextAsync("/officer/11110/2026Q3");
        var overdueOnly = await TextAsync("/officer/11110/2026Q3?overdue=1");

        Assert.That(before, Does.Contain("회신 기한 2026-11-29 (D-3)").And.Not.Contain("class=\"overdue\""));
        Assert.That(overview, Does.Contain("2026-11-29 (D-3)"));
        Assert.That(after, Does.Contain("회신 기한 2026-11-29이 2일 지났습니다 (D+2): 아직 회신하지 않은 대상자 63명"));
        Assert.That(overdueOnly, Does.Contain("조건에 맞는 대상자 63명"));
    }

    [Test]
    public async Task Upload_IsCountedAtOnce_AndListedWithItsResult()
    {
        var first = data.Of(PortalData.Jongno)[0];
        using var upload = await jongno.UploadAsync(PortalData.Jongno, PortalData.Quarter, "first.csv",
            Outcomes.Csv((first.WorklistId, "supported", "2026-10-22"), (data.Of(PortalData.Jongno)[1].WorklistId, "", "")));
        Assert.That((int)upload.StatusCode, Is.EqualTo(302));

        var due = await TextAsync("/officer/11110/2026Q3");
        var reported = await TextAsync("/officer/11110/2026Q3?status=reported");

        // The outcome history changed since the last view: the cached progress is read again.
        Assert.That(due, Does.Contain("결과 회신 1명 · 남은 대상 62명").And.Not.Contain(first.WorklistId));
        Assert.That(reported, Does.Contain("조건에 맞는 대상자 1명").And.Contain(first.WorklistId));
        Assert.That(due, Does.Contain("<table id=\"uploads\">").And.Contain("first.csv</td><td>2</td><td>1</td><td>0</td><td>1</td>"));
        Assert.That(due, Does.Contain(upload.Headers.Location!.OriginalString));
    }

    // Every filter and search value, including ones naming the other 시군구's people, code and variant.
    [TestCase("")]
    [TestCase("?status=all")]
    [TestCase("?status=all&q=%EC%B5%9C%EB%84%A4%EB%82%98")] // 최네나, on 수원시's list
    [TestCase("?status=all&q=41110")]
    [TestCase("?status=all&q=-L-")]
    [TestCase("?status=all&variant=%EA%B3%A0%EB%8F%85%EC%82%AC%EC%9C%84%ED%97%98")] // 고독사위험: only 수원시 has one
    [TestCase("?status=reported&overdue=1&grade=%EC%83%81&rank=1-10&sort=name&dir=desc&page=9")]
    [TestCase("?sigungu=41110&status=all")]
    public async Task NoFilterValue_ShowsAnotherSigungusEntries(string query)
    {
        using var response = await jongno.GetAsync("/officer/11110/2026Q3" + query);
        var page = await response.Content.ReadAsStringAsync();
        // The search box echoes what the officer typed; everything after it is data.
        var shown = page[page.IndexOf("id=\"count\"", StringComparison.Ordinal)..];

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        foreach (var entry in data.Of(PortalData.Suwon))
        {
            Assert.That(shown, Does.Not.Contain(entry.WorklistId).And.Not.Contain(entry.Name));
        }
    }

    private async Task<string> TextAsync(string path)
    {
        using var response = await jongno.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        return await response.Content.ReadAsStringAsync();
    }
}
