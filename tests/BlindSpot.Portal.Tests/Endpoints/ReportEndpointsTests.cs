using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using BlindSpot.Portal.Audit;
using BlindSpot.Portal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace BlindSpot.Portal.Tests.Endpoints;

/// <summary>
/// Reports from the public in the embedded mode: an analyst imports a file, matched reports appear as 신고 cases in the
/// person's own 시군구 and 읍면동 only (or on the person's dispatched case), the unmatched stay for analysts, officers may
/// not import, and the API admits only a working key. No resident number in any page, audit entry or store file.
/// </summary>
[NonParallelizable]
public sealed partial class ReportEndpointsTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 20, 1, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task AnalystImport_MatchedReportsBecomeCasesOfTheirSigunguAndEupmyeondong_OrJoinTheDispatchedCase()
    {
        using var data = await PortalData.CreateAsync();
        await ReportScenario.WriteAsync(data);
        await using var factory = Factory(data);
        using var analyst = await factory.SignedInAsync("analyst");

        using var import = await ImportAsync(analyst, ReportScenario.Csv());
        var result = await import.Content.ReadAsStringAsync();
        using var jongno = await factory.SignedInAsync("officer-11110");
        var reports = await jongno.Client.GetStringAsync(new Uri("/cases/2026Q3?origin=report", UriKind.Relative));
        var all = await jongno.Client.GetStringAsync(new Uri("/cases/2026Q3", UriKind.Relative));
        var dispatched = await jongno.Client.GetStringAsync(new Uri($"/cases/2026Q3/{data.Of(PortalData.Jongno)[0].WorklistId}", UriKind.Relative));
        using var suwon = await factory.SignedInAsync("officer-41110");
        var suwonReports = await suwon.Client.GetStringAsync(new Uri("/cases/2026Q3?origin=report", UriKind.Relative));
        using var local = await factory.SignedInAsync("officer-11110515");
        var localList = await local.Client.GetStringAsync(new Uri("/cases/2026Q3", UriKind.Relative));

        Assert.That(import.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(result, Does.Contain("6행 = 연결 4 + 미연결 1 + 거부 1"));
        Assert.That(Regex.Match(result, "<table id=\"rejected\">.*?</table>", RegexOptions.Singleline).Value, Does.Contain("<td>7</td><td>resident_no</td>"));
        Assert.That(reports, Does.Contain(ReportScenario.Hong).And.Contain(ReportScenario.Kim).And.Contain("신고").And.Not.Contain(ReportScenario.Choi));
        Assert.That(all, Does.Contain("(전체 5건)"), "3 dispatched + 2 reports: 김하나's report joined her case");
        Assert.That(dispatched, Does.Contain("신고 접수").And.Contain(ReportScenario.AboutDispatched));
        Assert.That(suwonReports, Does.Contain(ReportScenario.Choi).And.Not.Contain(ReportScenario.Hong));
        Assert.That(localList, Does.Contain(ReportScenario.Hong).And.Not.Contain(ReportScenario.Kim), "the 읍면동 officer sees the reports of their 읍면동 only");
        var reportCase = Regex.Match(reports, "2026Q3-11110-R-[0-9]{6}").Value;
        using var otherSigungu = await suwon.GetAsync($"/cases/2026Q3/{reportCase}");
        var casePage = await jongno.Client.GetStringAsync(new Uri($"/cases/2026Q3/{reportCase}", UriKind.Relative));
        Assert.That(otherSigungu.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(casePage, Does.Contain("010-1000-00").And.Contain("학습 라벨에 반영됩니다"), "contacts from the vault; a resident's report case is on the municipal register, so its result is a label");
        Assert.That(casePage, Does.Contain("회신 기한 2026-12-19 (D-60)"), "taken in on 2026-10-20: due 60 days after the intake, not after the quarter's end");
        var audit = await factory.AuditAsync();
        Assert.That(audit.Where(a => a.Action == AuditActions.ReportImport).Select(a => (a.Outcome, a.Rows)), Is.EqualTo(new[] { ("partial", (int?)6) }));
    }

    [Test]
    public async Task Unmatched_StayForAnalysts_AndNoResidentNumberIsShownAuditedOrStored()
    {
        using var data = await PortalData.CreateAsync();
        await ReportScenario.WriteAsync(data);
        await using var factory = Factory(data);
        using var analyst = await factory.SignedInAsync("analyst");

        using var import = await ImportAsync(analyst, ReportScenario.Csv());
        var page = await analyst.Client.GetStringAsync(new Uri("/analyst/reports", UriKind.Relative));
        using var jongno = await factory.SignedInAsync("officer-11110");
        var cases = await jongno.Client.GetStringAsync(new Uri("/cases/2026Q3?origin=report", UriKind.Relative));

        Assert.That(Regex.Match(page, "<table id=\"unmatched\">.*?</table>", RegexOptions.Singleline).Value, Does.Contain("이영희").And.Contain("동명이인 여럿"));
        var texts = new List<string> { await import.Content.ReadAsStringAsync(), page, cases, string.Join('\n', (await factory.AuditAsync()).Select(a => a.ToString())) };
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var portal = factory.Options.PortalFolder;
        texts.AddRange(Directory.EnumerateFiles(portal, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.Combine(portal, "reports"), StringComparison.Ordinal)).Select(f => Encoding.UTF8.GetString(File.ReadAllBytes(f))));
        foreach (var number in ReportScenario.ResidentNumbers())
        {
            Assert.That(texts, Has.None.Contains(number[..^1]), "no resident number outside the kept intake file");
        }

        var kept = Directory.GetFiles(Path.Combine(portal, "reports", "2026Q3")).Single();
        Assert.That(File.ReadAllText(kept), Does.Contain(ReportScenario.ResidentNumbers().ElementAt(5)), "the raw file is kept as it came");
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Assert.That(File.GetUnixFileMode(kept) & ~(UnixFileMode.UserRead | UnixFileMode.UserWrite), Is.EqualTo(UnixFileMode.None), "the raw intake file is owner-only");
    }

    [Test]
    public async Task Officers_CannotImportReportsOrSeeTheIntake()
    {
        using var data = await PortalData.CreateAsync();
        await ReportScenario.WriteAsync(data);
        await using var factory = Factory(data);
        using var analyst = await factory.SignedInAsync("analyst");
        var token = await analyst.TokenAsync("/analyst/reports");

        foreach (var officer in new[] { "officer-11110", "officer-11110515" })
        {
            using var session = await factory.SignedInAsync(officer);
            using var page = await session.GetAsync("/analyst/reports");
            using var form = Form(await session.TokenAsync("/cases"), ReportScenario.Csv());
            using var post = await session.Client.PostAsync(new Uri("/analyst/reports", UriKind.Relative), form);

            Assert.That((page.StatusCode, post.StatusCode), Is.EqualTo((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)), officer);
        }

        Assert.That(token, Is.Not.Empty);
        var cases = await factory.Services.GetRequiredService<BlindSpot.Portal.Cases.ICaseStore>().CountAsync("2026Q3", "11110", BlindSpot.Portal.Cases.CaseOrigin.Report, CancellationToken.None);
        Assert.That(cases, Is.Zero, "nothing was taken in");
        Assert.That((await factory.AuditAsync()).Count(a => a is { Action: AuditActions.Denied, Outcome: "wrong-role" }), Is.EqualTo(4));
    }

    private static PortalFactory Factory(PortalData data) =>
        new(data, database: null, services: s => s.AddSingleton<TimeProvider>(new ManualTime(Now)));

    private static async Task<HttpResponseMessage> ImportAsync(PortalSession session, string csv)
    {
        using var form = Form(await session.TokenAsync("/analyst/reports"), csv);
        return await session.Client.PostAsync(new Uri("/analyst/reports", UriKind.Relative), form);
    }

    private static MultipartFormDataContent Form(string token, string csv)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("2026Q3"), "quarter" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "reports.csv");
        return form;
    }
}
