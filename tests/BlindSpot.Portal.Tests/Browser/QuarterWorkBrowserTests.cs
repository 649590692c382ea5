using System.Globalization;
using BlindSpot.Core.Quarters;
using BlindSpot.Portal.Audit;
using BlindSpot.Portal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;

namespace BlindSpot.Portal.Tests.Browser;

/// <summary>
/// One quarter's work end to end in Debian's Chromium, on the embedded (SQLite) store over a real Kestrel: the 종로구
/// officer sees the deadline, filters the case list, hands two cases to 읍면동 11110515, notes a visit, puts a case under
/// continued management and adds an own discovery; the 읍면동 officer sees only the two cases handed over and works one
/// through 배정 → 연락/방문 → 상담 → 지원 연계 → 종결, whose result becomes a label row; neither can open a case that is not
/// theirs. Screenshots go to TestResults/portal-browser/. Without Chromium the test is ignored locally, failed in CI.
/// </summary>
[Category("Browser")]
[Category("Integration")]
[NonParallelizable]
public sealed class QuarterWorkBrowserTests
{
    private const string Chromium = BrowserPortal.Chromium;
    private const string Eupmyeondong = "11110515";
    private static readonly Quarter Q3 = Quarter.Parse(PortalData.Quarter, CultureInfo.InvariantCulture);

    private PortalData? data;
    private IHost? host;
    private string address = null!;
    private string screenshots = null!;

    [SetUp]
    public async Task StartKestrel()
    {
        BrowserPortal.RequireChromium();

        screenshots = BrowserPortal.ScreenshotFolder();
        data = await PortalData.CreateAsync();
        await DiscoveryData.WriteAsync(data);
        var options = new PortalOptions
        {
            DataRoot = data.Root.Path,
            ModelsFolder = data.ModelsFolder,
            RunJobsInProcess = false,
            SeedSampleAccounts = true,
            AllowHttpOnLoopback = true,
        };
        host = PortalHost.CreateHostBuilder(options, "http://127.0.0.1:0").Build();
        await host.StartAsync();
        address = BrowserPortal.AddressOf(host);
    }

    [TearDown]
    public async Task StopKestrel()
    {
        if (host is not null)
        {
            await host.StopAsync();
            host.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        data?.Dispose();
    }

    [Test]
    public async Task SigunguAndEupmyeondongOfficers_DoTheQuartersWork_AndTheResultBecomesALabel()
    {
        var jongno = data!.Of(PortalData.Jongno);
        var (kim, lee, park) = (jongno[0], jongno[1], jongno[2]);
        var suwonCase = data.Of(PortalData.Suwon)[0].WorklistId;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });

        // The 시군구 officer: the deadline with D-day, then the cases.
        var officer = await SignInAsync(browser, "officer-11110");
        Assert.That(await officer.InnerTextAsync("main"), Does.Match(@"2026-11-29 \((D[-+][0-9]+|D-day)\)"), "due date with D-day on the start page");
        await officer.ClickAsync("a[href='/cases']");
        await officer.ClickAsync("a[href='/cases/2026Q3']");
        await officer.WaitForURLAsync("**/cases/2026Q3");
        Assert.That(await officer.InnerTextAsync("#deadline"), Does.Contain("2026-11-29"));
        Assert.That(await officer.InnerTextAsync("#count"), Does.Contain("(전체 3건)"));
        await officer.SelectOptionAsync("#filter-variant", "위기아동");
        await officer.ClickAsync("#apply");
        await officer.WaitForURLAsync(url => url.Contains("variant=", StringComparison.Ordinal));
        await Shot(officer, "q1-sigungu-cases-filtered");
        Assert.That(await officer.InnerTextAsync("#cases tbody"), Does.Contain(park.Name).And.Not.Contain(kim.Name));

        foreach (var entry in new[] { kim, lee })
        {
            await officer.GotoAsync($"{address}/cases/2026Q3/{entry.WorklistId}");
            await officer.SelectOptionAsync("#eupmyeondong", Eupmyeondong);
            await officer.ClickAsync("#assign");
            await officer.WaitForURLAsync($"**/cases/2026Q3/{entry.WorklistId}");
            Assert.That(await officer.InnerTextAsync("#case-status"), Does.Contain(Eupmyeondong));
        }

        await officer.SelectOptionAsync("#status", "contacted");
        await officer.SelectOptionAsync("#channel", "방문");
        await officer.FillAsync("#note", "방문했으나 부재, 이웃 통해 연락처 남김");
        await officer.ClickAsync("#save-status");
        await officer.WaitForURLAsync($"**/cases/2026Q3/{lee.WorklistId}");
        await officer.ClickAsync("#continued");
        await officer.WaitForURLAsync($"**/cases/2026Q3/{lee.WorklistId}");
        await Shot(officer, "q2-sigungu-case-visit-and-continued");
        Assert.That(await officer.InnerTextAsync("#case-status"), Does.Contain("연락/방문").And.Contain("지속관리"));
        Assert.That(await officer.InnerTextAsync("#timeline"), Does.Contain("방문했으나 부재").And.Contain("officer-11110"));

        await officer.GotoAsync($"{address}/cases/2026Q3");
        await officer.ClickAsync("#discovery-link");
        await officer.CheckAsync("#filter-kind input[value='health-insurance']");
        await officer.ClickAsync("#search");
        await officer.CheckAsync("#people input[aria-label='윤일곱 선택']");
        await officer.FillAsync("#reason", "아동 양육 가구, 건강보험료 체납 확인");
        await officer.ClickAsync("#add");
        await Shot(officer, "q3-sigungu-own-discovery-added");
        Assert.That(await officer.InnerTextAsync("#added"), Does.Contain("2026Q3-11110-S-000001").And.Contain("윤일곱"));

        // Another 시군구's case exists (수원시's officer opened their list) and still cannot be opened from 종로구.
        var suwon = await SignInAsync(browser, "officer-41110");
        await suwon.GotoAsync($"{address}/cases/2026Q3");
        var foreign = await officer.GotoAsync($"{address}/cases/2026Q3/{suwonCase}");
        Assert.That(foreign!.Status, Is.EqualTo(404), "another 시군구's case answers as if it did not exist");
        Assert.That(await officer.InnerTextAsync("main"), Does.Contain("찾을 수 없음"));
        var otherWorklist = await officer.GotoAsync($"{address}/officer/{PortalData.Suwon}/2026Q3");
        Assert.That(otherWorklist!.Status, Is.EqualTo(404));

        // The 읍면동 officer: the two cases handed over, nothing else; one worked from 배정 to 종결.
        var local = await SignInAsync(browser, $"officer-{Eupmyeondong}");
        await local.ClickAsync("a[href='/cases/2026Q3']");
        await local.WaitForURLAsync("**/cases/2026Q3");
        await Shot(local, "q4-eupmyeondong-cases");
        Assert.That(await local.InnerTextAsync("#count"), Does.Contain("(전체 2건)"));
        Assert.That(await local.InnerTextAsync("#cases tbody"), Does.Contain(kim.Name).And.Contain(lee.Name).And.Not.Contain(park.Name).And.Not.Contain("윤일곱"));
        Assert.That(await local.InnerTextAsync("#deadline"), Does.Contain("2026-11-29"), "the deadline banner in the 읍면동 officer's own list");
        await local.ClickAsync($"a[href='/cases/2026Q3/{kim.WorklistId}']");
        await local.WaitForURLAsync($"**/cases/2026Q3/{kim.WorklistId}");
        foreach (var (status, channel) in new[] { ("contacted", "전화"), ("counselling", "방문"), ("supported", "방문"), ("closed", "") })
        {
            await local.SelectOptionAsync("#status", status);
            if (channel.Length > 0)
            {
                await local.SelectOptionAsync("#channel", channel);
            }

            await local.FillAsync("#note", $"{status} 기록");
            await local.ClickAsync("#save-status");
            await local.WaitForURLAsync($"**/cases/2026Q3/{kim.WorklistId}");
        }

        await Shot(local, "q5-eupmyeondong-case-closed");
        Assert.That(await local.InnerTextAsync("#case-status"), Does.Contain("종결"));
        Assert.That(await local.InnerTextAsync("#timeline"), Does.Contain("연락/방문").And.Contain("상담").And.Contain("지원 연계").And.Contain("종결").And.Contain($"officer-{Eupmyeondong}"));
        var notTheirs = await local.GotoAsync($"{address}/cases/2026Q3/{park.WorklistId}");
        Assert.That(notTheirs!.Status, Is.EqualTo(404), "a case of the 시군구 not handed to this 읍면동");

        var labels = await LabelRows.ReadAsync(data.Root, Q3);
        Assert.That(labels, Is.EquivalentTo(new[] { (kim.PersonKey, "supported", "model") }), "the one result recorded is the quarter's one label");
        var denied = (await host!.Services.GetRequiredService<IAuditLog>().LatestAsync(1000, CancellationToken.None)).Where(a => a.Action == AuditActions.Denied).Select(a => (a.UserName, a.Outcome)).ToList();
        Assert.That(denied, Does.Contain(("officer-11110", "other-sigungu")).And.Contain(($"officer-{Eupmyeondong}", "other-eupmyeondong")));
    }

    private Task<IPage> SignInAsync(IBrowser browser, string userName) => BrowserPortal.SignInAsync(browser, address, userName);

    private Task Shot(IPage page, string name) => BrowserPortal.ShotAsync(page, screenshots, name);
}
