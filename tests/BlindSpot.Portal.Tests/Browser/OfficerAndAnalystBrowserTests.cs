using BlindSpot.Dispatch.Worklists;
using BlindSpot.Portal.Tests.TestSupport;
using BlindSpot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace BlindSpot.Portal.Tests.Browser;

/// <summary>
/// The portal on a real Kestrel server (free loopback port) driven by Debian's Chromium through Playwright: an officer
/// signs in, downloads the XLSX and checks its rows, uploads the filled-in file and reads the per-row result; an analyst
/// sees the run and its run and evaluation reports with their charts rendered. Screenshots go to TestResults/portal-browser/. Without Chromium the test is ignored locally, failed in CI.
/// </summary>
[Category("Browser")]
[Category("Integration")]
[NonParallelizable]
public sealed partial class OfficerAndAnalystBrowserTests
{
    private const string Chromium = BrowserPortal.Chromium;

    private PostgresTestDatabase database = null!;
    private PortalData? data;
    private IHost? host;
    private string address = null!;
    private string screenshots = null!;

    [SetUp]
    public async Task StartKestrel()
    {
        BrowserPortal.RequireChromium();

        database = await PostgresTestDatabase.CreateAsync();
        screenshots = BrowserPortal.ScreenshotFolder();
    }

    /// <summary>The portal on Kestrel over a sample root with <paramref name="moreJongno"/> extra 종로구 entries.</summary>
    private async Task StartPortalAsync(int moreJongno = 0)
    {
        data = await PortalData.CreateAsync(moreJongno);
        var options = new PortalOptions
        {
            DataRoot = data.Root.Path,
            ModelsFolder = data.ModelsFolder,
            PostgresConnectionString = database.ConnectionString,
            PostgresSchema = database.Schema,
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

        data?.Dispose();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    [Test]
    public async Task Officer_DownloadsUploadsAndSeesRowResults_AnalystSeesTheRun()
    {
        await StartPortalAsync();
        var data = this.data!;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });

        var officer = await SignInAsync(browser, "officer-11110");
        await officer.GotoAsync($"{address}/officer");
        await officer.ClickAsync("a[href='/officer/11110/2026Q3']");
        await Shot(officer, "1-officer-worklist");
        var download = await officer.RunAndWaitForDownloadAsync(() => officer.ClickAsync("#download-xlsx"));
        var xlsx = Path.Combine(data.Root.Path, "downloaded.xlsx");
        await download.SaveAsAsync(xlsx);
        var rows = MiniExcel.Query(xlsx, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.That(rows.Select(r => r["워크리스트ID"]?.ToString()), Is.EquivalentTo(data.Of(PortalData.Jongno).Select(e => e.WorklistId)));
        Assert.That(rows.Select(r => r["성명"]?.ToString()), Is.EquivalentTo(data.Of(PortalData.Jongno).Select(e => e.Name)));

        var filled = Path.Combine(data.Root.Path, "filled.xlsx");
        MiniExcel.SaveAs(filled, rows.Select((r, i) => new Dictionary<string, object?>(r)
        {
            [WorklistColumns.OutcomeHeader] = i == 0 ? "supported" : i == 1 ? "not_eligible" : "guess",
            [WorklistColumns.OutcomeDateHeader] = "2026-10-15",
        }).ToList());
        await officer.SetInputFilesAsync("#file", filled);
        await officer.ClickAsync("#upload");
        await officer.WaitForURLAsync("**/officer/uploads/*");
        await Shot(officer, "2-officer-upload-result");
        Assert.That(await officer.InnerTextAsync("#summary"), Does.Contain("3행 = 반영 2 + 거부 1"));
        Assert.That(await officer.Locator("#rows tr.rejected").CountAsync(), Is.EqualTo(1));
        Assert.That(await officer.InnerTextAsync("#rows tr.rejected"), Does.Contain("guess"));

        var analyst = await SignInAsync(browser, "analyst");
        await analyst.GotoAsync($"{address}/analyst");
        await analyst.ClickAsync("a[href='/analyst/runs/2026Q3']");
        await Shot(analyst, "3-analyst-run");
        var stages = await analyst.InnerTextAsync("#stages");
        Assert.That(stages, Does.Contain("dispatch").And.Contain("completed").And.Contain("rows 1,003"));

        // The reports are served sandboxed; their charts must still show (they never did: the chart requests went out
        // without the session cookie and got the sign-in page).
        await analyst.ClickAsync("#report");
        await analyst.WaitForURLAsync("**/analyst/runs/2026Q3/report");
        await Shot(analyst, "4-analyst-run-report");
        Assert.That(await ChartWidthsAsync(analyst), Is.Not.Empty.And.All.GreaterThan(0), "run report charts render");
        await analyst.GotoAsync($"{address}/analyst/models/household/{PortalData.ModelVersion}/evaluation/2026Q2/report.html");
        await Shot(analyst, "5-analyst-evaluation-report");
        Assert.That(await ChartWidthsAsync(analyst), Is.Not.Empty.And.All.GreaterThan(0), "evaluation report charts render");
    }

    [Test]
    public async Task Officer_FiltersAndPagesTheList_AndThePageFitsAPhoneAndPrintsPlain()
    {
        await StartPortalAsync(moreJongno: 60);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });

        var officer = await SignInAsync(browser, "officer-11110");
        await officer.GotoAsync($"{address}/officer/11110/2026Q3");
        Assert.That(await officer.InnerTextAsync("#count"), Does.Contain("63명 (전체 63명) · 1/2쪽"));
        Assert.That(await officer.Locator("#due tbody tr").CountAsync(), Is.EqualTo(50));
        await officer.ClickAsync("#pager a[rel=next]");
        await officer.WaitForURLAsync("**/officer/11110/2026Q3?page=2");
        Assert.That(await officer.InnerTextAsync("#count"), Does.Contain("2/2쪽"));
        Assert.That(await officer.Locator("#due tbody tr").CountAsync(), Is.EqualTo(13));

        await officer.SelectOptionAsync("select[name=variant]", "위기아동");
        await officer.ClickAsync("#apply");
        await officer.WaitForURLAsync(url => url.Contains("variant=", StringComparison.Ordinal));
        await Shot(officer, "6-officer-worklist-filtered");
        Assert.That(await officer.InnerTextAsync("#count"), Does.Contain("1명 (전체 63명) · 1/1쪽"));
        Assert.That(await officer.InnerTextAsync("#due tbody"), Does.Contain("박세나").And.Not.Contain("김하나"));

        // On paper: the list only, no navigation, filter or upload form.
        await officer.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.That(await officer.IsVisibleAsync("#filter"), Is.False);
        Assert.That(await officer.IsVisibleAsync("nav"), Is.False);
        Assert.That(await officer.IsVisibleAsync("#due"), Is.True);

        // A 390 px phone: the page never scrolls sideways (the wide table scrolls in its own box), names never break per syllable.
        var phone = await SignInAsync(browser, "officer-11110", new ViewportSize { Width = 390, Height = 844 });
        await phone.GotoAsync($"{address}/officer/11110/2026Q3?status=all");
        await Shot(phone, "7-officer-worklist-390px");
        Assert.That(await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(390));
        Assert.That(await phone.EvaluateAsync<bool>("() => { const box = document.querySelector('#due').parentElement; return box.scrollWidth > box.clientWidth; }"), Is.True, "the wide table scrolls in its own box");
        Assert.That(await phone.EvaluateAsync<int>("() => { const r = document.createRange(); r.selectNodeContents(document.querySelector('#due td:nth-child(2)')); return r.getClientRects().length; }"), Is.EqualTo(1), "위기가구 on one line");
        Assert.That(await phone.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('#due td.name')).wordBreak"), Is.EqualTo("keep-all"));
        Assert.That(await phone.EvaluateAsync<int>("() => document.querySelector('#due td.name').getClientRects().length"), Is.EqualTo(1));
    }

    [Test]
    public async Task SigunguOfficer_FiltersOpensAssignsAndRecords_EupmyeondongOfficerSeesOnlyTheirCase()
    {
        await StartPortalAsync();
        var data = this.data!;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });
        var (kim, lee) = (data.Of(PortalData.Jongno)[0].WorklistId, data.Of(PortalData.Jongno)[1].WorklistId);

        var officer = await SignInAsync(browser, "officer-11110");
        await officer.GotoAsync($"{address}/cases/2026Q3");
        Assert.That(await officer.InnerTextAsync("#count"), Does.Contain("3건 (전체 3건)"));
        await officer.SelectOptionAsync("#filter-variant", "위기아동");
        await officer.ClickAsync("#apply");
        await officer.WaitForURLAsync(url => url.Contains("variant=", StringComparison.Ordinal));
        await Shot(officer, "8-cases-filtered");
        Assert.That(await officer.InnerTextAsync("#cases tbody"), Does.Contain("박세나").And.Not.Contain("김하나"));

        await officer.GotoAsync($"{address}/cases/2026Q3");
        await officer.ClickAsync($"a[href='/cases/2026Q3/{kim}']");
        await officer.WaitForURLAsync($"**/cases/2026Q3/{kim}");
        Assert.That(await officer.InnerTextAsync("#reasons"), Does.Contain("건강보험료"));
        Assert.That(await officer.InnerTextAsync("#contacts"), Does.Contain("010-0000-0001"));
        await officer.SelectOptionAsync("#eupmyeondong", "11110515");
        await officer.ClickAsync("#assign");
        await officer.WaitForURLAsync($"**/cases/2026Q3/{kim}");
        Assert.That(await officer.InnerTextAsync("#case-status"), Does.Contain("11110515"));
        await officer.SelectOptionAsync("#status", "contacted");
        await officer.SelectOptionAsync("#channel", "방문");
        await officer.FillAsync("#note", "집에서 만남, 상담 약속");
        await officer.ClickAsync("#save-status");
        await officer.WaitForURLAsync($"**/cases/2026Q3/{kim}");
        await officer.SelectOptionAsync("#status", "supported");
        await officer.SelectOptionAsync("#channel", "방문");
        await officer.ClickAsync("#save-status");
        await officer.WaitForURLAsync($"**/cases/2026Q3/{kim}");
        await Shot(officer, "9-case-page");
        Assert.That(await officer.InnerTextAsync("#case-status"), Does.Contain("지원 연계"));
        Assert.That(await officer.InnerTextAsync("#timeline"), Does.Contain("집에서 만남, 상담 약속").And.Contain("officer-11110").And.Contain("방문"));

        await officer.ClickAsync("#visit-sheet");
        await officer.WaitForURLAsync($"**/cases/2026Q3/{kim}/sheet");
        await officer.EmulateMediaAsync(new() { Media = Media.Print });
        await Shot(officer, "10-visit-sheet-print");
        Assert.That(await officer.IsVisibleAsync("nav"), Is.False);
        Assert.That(await officer.InnerTextAsync("#sheet"), Does.Contain("김하나").And.Contain("010-0000-0001"));

        var local = await SignInAsync(browser, "officer-11110515");
        await local.ClickAsync("a[href='/cases/2026Q3']");
        await local.WaitForURLAsync("**/cases/2026Q3");
        await Shot(local, "11-eupmyeondong-officer-cases");
        Assert.That(await local.InnerTextAsync("#cases tbody"), Does.Contain(kim).And.Not.Contain(lee));
        Assert.That(await local.InnerTextAsync("#count"), Does.Contain("(전체 1건)"));
        var foreign = await local.GotoAsync($"{address}/cases/2026Q3/{lee}");
        Assert.That(foreign!.Status, Is.EqualTo(404));
        Assert.That(await local.InnerTextAsync("main"), Does.Contain("찾을 수 없음"));
    }

    /// <summary>The natural width of every image on the page once loaded: 0 for one the browser could not show.</summary>
    [Test]
    public async Task Analyst_ImportsReports_TheSigunguOfficerSeesTheReportCase()
    {
        await StartPortalAsync();
        var data = this.data!;
        await ReportScenario.WriteAsync(data);
        var file = Path.Combine(data.Root.Path, "reports.csv");
        await File.WriteAllTextAsync(file, ReportScenario.Csv(), new System.Text.UTF8Encoding(true));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true });

        var analyst = await SignInAsync(browser, "analyst");
        await analyst.GotoAsync($"{address}/analyst/reports");
        await analyst.FillAsync("#quarter", "2026Q3");
        await analyst.SetInputFilesAsync("#file", file);
        await analyst.ClickAsync("#import");
        await analyst.WaitForSelectorAsync("#intake-summary");
        await Shot(analyst, "12-reports-imported");
        Assert.That(await analyst.InnerTextAsync("#intake-summary"), Does.Contain("6행 = 연결 4 + 미연결 1 + 거부 1"));
        Assert.That(await analyst.InnerTextAsync("#unmatched"), Does.Contain("이영희"));

        var officer = await SignInAsync(browser, "officer-11110");
        await officer.GotoAsync($"{address}/cases/2026Q3?origin=report");
        var row = officer.Locator("#cases tbody tr", new() { HasText = ReportScenario.Hong });
        Assert.That(await row.InnerTextAsync(), Does.Contain("신고"));
        await row.Locator("a").First.ClickAsync();
        await officer.WaitForURLAsync("**/cases/2026Q3/2026Q3-11110-R-*");
        await Shot(officer, "13-report-case");
        Assert.That(await officer.InnerTextAsync("#reasons"), Does.Contain("우편물이 쌓여 있음").And.Contain("이웃"));
        Assert.That(await officer.InnerTextAsync("#case-status"), Does.Contain("신고"));
    }

    private static async Task<int[]> ChartWidthsAsync(IPage page)
    {
        var images = page.Locator("img");
        var widths = new List<int>();
        for (var i = 0; i < await images.CountAsync(); i++)
        {
            widths.Add(await images.Nth(i).EvaluateAsync<int>("img => img.complete ? img.naturalWidth : new Promise(done => { img.onload = () => done(img.naturalWidth); img.onerror = () => done(0); })"));
        }

        return [.. widths];
    }

    private Task<IPage> SignInAsync(IBrowser browser, string userName, ViewportSize? viewport = null) => BrowserPortal.SignInAsync(browser, address, userName, viewport);

    private Task Shot(IPage page, string name) => BrowserPortal.ShotAsync(page, screenshots, name);
}
