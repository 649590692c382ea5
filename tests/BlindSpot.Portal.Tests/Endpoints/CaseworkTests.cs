using System.Net;
using BlindSpot.Portal.Audit;
using BlindSpot.Portal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace BlindSpot.Portal.Tests.Endpoints;

/// <summary>
/// Casework in the embedded mode (SQLite case store): the worklist becomes cases, a 시군구 officer assigns one to a 읍면동,
/// the 읍면동 officer sees that case and nothing else, and a result recorded on a case gives the very labels an upload gives.
/// </summary>
[NonParallelizable]
public sealed class CaseworkTests
{
    private const string Eupmyeondong = "11110515";
    private const string EupmyeondongOfficer = "officer-11110515";
    private static readonly DateTimeOffset Now = new(2026, 10, 20, 1, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task CaseList_HoldsTheSigungusWorklistEntries_AndNoOtherSigungus()
    {
        using var data = await PortalData.CreateAsync();
        await using var factory = new PortalFactory(data, database: null);
        using var officer = await factory.SignedInAsync("officer-11110");

        var html = await officer.Client.GetStringAsync(new Uri("/cases/2026Q3", UriKind.Relative));
        var again = await officer.Client.GetStringAsync(new Uri("/cases/2026Q3?sigungu=41110&emd=41110515", UriKind.Relative));

        Assert.That(html, Does.Contain("조건에 맞는 사례 3건 (전체 3건)"));
        foreach (var entry in data.Of(PortalData.Jongno))
        {
            Assert.That(html, Does.Contain(entry.WorklistId));
        }

        Assert.That(data.Of(PortalData.Suwon).Select(e => e.WorklistId), Has.None.Matches<string>(id => html.Contains(id, StringComparison.Ordinal) || again.Contains(id, StringComparison.Ordinal)));
        Assert.That(again, Does.Contain("(전체 3건)"), "a second view adds no case, and unknown parameters widen nothing");
    }

    [Test]
    public async Task Assign_ThenTheEupmyeondongOfficer_SeesThatCaseOnly_AndCannotAssign()
    {
        using var data = await PortalData.CreateAsync();
        await using var factory = new PortalFactory(data, database: null);
        using var officer = await factory.SignedInAsync("officer-11110");
        var (mine, other) = (data.Of(PortalData.Jongno)[0].WorklistId, data.Of(PortalData.Jongno)[1].WorklistId);
        await officer.GetAsync("/cases/2026Q3");

        using var assign = await PostAsync(officer, $"/cases/2026Q3/{mine}", "assign", new() { ["eupmyeondong"] = Eupmyeondong });
        using var local = await factory.SignedInAsync(EupmyeondongOfficer);
        var list = await local.Client.GetStringAsync(new Uri("/cases/2026Q3?emd=-", UriKind.Relative));
        using var own = await local.GetAsync($"/cases/2026Q3/{mine}");
        using var notOwn = await local.GetAsync($"/cases/2026Q3/{other}");
        using var worklist = await local.GetAsync("/officer/11110/2026Q3");
        using var reassign = await PostAsync(local, $"/cases/2026Q3/{mine}", "assign", new() { ["eupmyeondong"] = "" });

        Assert.That(assign.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(list, Does.Contain(mine).And.Not.Contain(other).And.Contain("(전체 1건)"));
        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await own.Content.ReadAsStringAsync(), Does.Contain("010-0000-0001").And.Contain(Eupmyeondong));
        Assert.That(notOwn.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(worklist.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(reassign.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var audit = await factory.AuditAsync();
        Assert.That(audit.Select(a => (a.Action, a.Outcome)), Does.Contain((AuditActions.CaseChange, $"assigned-to-{Eupmyeondong}"))
            .And.Contain((AuditActions.Denied, "other-eupmyeondong")).And.Contain((AuditActions.CaseView, "page")));
        Assert.That(audit.Single(a => a.Outcome == "other-eupmyeondong").Target, Is.EqualTo($"/cases/2026Q3/{other}"));
    }

    [Test]
    public async Task AnotherSigungusCase_Is404AndAudited_ForPageSheetAndChanges()
    {
        using var data = await PortalData.CreateAsync();
        await using var factory = new PortalFactory(data, database: null);
        using var jongno = await factory.SignedInAsync("officer-11110");
        using var suwon = await factory.SignedInAsync("officer-41110");
        await jongno.GetAsync("/cases/2026Q3");
        var id = data.Of(PortalData.Jongno)[0].WorklistId;

        using var page = await suwon.GetAsync($"/cases/2026Q3/{id}");
        using var sheet = await suwon.GetAsync($"/cases/2026Q3/{id}/sheet");
        using var malformed = await suwon.GetAsync("/cases/2026Q3/..%2F..%2Fetc");

        Assert.That((page.StatusCode, sheet.StatusCode, malformed.StatusCode), Is.EqualTo((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound)));
        var denied = (await factory.AuditAsync()).Where(a => a.Action == AuditActions.Denied).Select(a => a.Outcome).ToList();
        Assert.That(denied, Is.EqualTo(new[] { "other-sigungu", "other-sigungu", "unknown-id" }));
    }

    [Test]
    public async Task StatusFlow_VisitThenResultThenClose_IsInTheTimeline_AndAWrongStepIsRefused()
    {
        using var data = await PortalData.CreateAsync();
        await using var factory = new PortalFactory(data, database: null, services: s => s.AddSingleton<TimeProvider>(new ManualTime(Now)));
        using var officer = await factory.SignedInAsync("officer-11110");
        await officer.GetAsync("/cases/2026Q3");
        var url = $"/cases/2026Q3/{data.Of(PortalData.Jongno)[0].WorklistId}";

        using var skip = await PostAsync(officer, url, "status", new() { ["status"] = "closed" });
        using var visit = await PostAsync(officer, url, "status", new() { ["status"] = "contacted", ["channel"] = "방문", ["note"] = "집에서 만남" });
        using var result = await PostAsync(officer, url, "status", new() { ["status"] = "supported", ["channel"] = "방문", ["date"] = "2026-10-19" });
        using var close = await PostAsync(officer, url, "status", new() { ["status"] = "closed" });
        var page = await officer.Client.GetStringAsync(new Uri(url, UriKind.Relative));

        Assert.That(skip.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((visit.StatusCode, result.StatusCode, close.StatusCode), Is.EqualTo((HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect)));
        Assert.That(page, Does.Contain("진행 상태: <strong>종결</strong>").And.Contain("집에서 만남").And.Contain("지원 연계"));
        var audit = await factory.AuditAsync();
        Assert.That(audit.Where(a => a.Action == AuditActions.CaseChange).Select(a => a.Outcome),
            Is.EqualTo(new[] { "refused:invalid-step", "assigned->contacted", "contacted->supported", "supported->closed" }));
        Assert.That(audit.Where(a => a.Action == AuditActions.Upload), Is.Empty, "the case page's result is not audited as an upload by the officer");
    }

    [Test]
    public async Task ResultsRecordedOnTheCasePage_GiveTheSameLabelsAsAnUploadOfThem()
    {
        using var browserData = await PortalData.CreateAsync();
        using var uploadData = await PortalData.CreateAsync();
        await using var browser = new PortalFactory(browserData, database: null, services: s => s.AddSingleton<TimeProvider>(new ManualTime(Now)));
        await using var upload = new PortalFactory(uploadData, database: null, services: s => s.AddSingleton<TimeProvider>(new ManualTime(Now)));
        using var browserOfficer = await browser.SignedInAsync("officer-11110");
        using var uploadOfficer = await upload.SignedInAsync("officer-11110");
        var ids = browserData.Of(PortalData.Jongno).Select(e => e.WorklistId).ToList();
        (string Id, string Status, string Outcome)[] results = [(ids[0], "supported", "supported"), (ids[1], "not_eligible", "not_eligible"), (ids[2], "unreachable", "unreachable")];
        await browserOfficer.GetAsync("/cases/2026Q3");

        foreach (var (id, status, _) in results)
        {
            using var response = await PostAsync(browserOfficer, $"/cases/2026Q3/{id}", "status", new() { ["status"] = status, ["channel"] = "전화", ["date"] = "2026-10-18" });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), id);
        }

        using var uploaded = await uploadOfficer.UploadAsync(PortalData.Jongno, PortalData.Quarter, "o.csv", Outcomes.Csv([.. results.Select(r => (r.Id, r.Outcome, "2026-10-18"))]));

        Assert.That(uploaded.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var quarter = Core.Quarters.Quarter.Parse(PortalData.Quarter, System.Globalization.CultureInfo.InvariantCulture);
        var fromBrowser = await File.ReadAllBytesAsync(browserData.Root.Labels(quarter));
        var fromUpload = await File.ReadAllBytesAsync(uploadData.Root.Labels(quarter));
        Assert.That(Dispatch.Outcomes.OutcomeProgress.ReportedWorklistIds(browserData.Root, quarter, PortalData.Jongno), Is.EquivalentTo(ids), "every result reached the history");
        Assert.That(Dispatch.Outcomes.OutcomeProgress.ReportedWorklistIds(uploadData.Root, quarter, PortalData.Jongno), Is.EquivalentTo(ids));
        Assert.That(fromBrowser, Is.EqualTo(fromUpload));
    }

    [Test]
    public async Task AResultUploadedAsAFile_ShowsOnTheCaseAndInTheList()
    {
        using var data = await PortalData.CreateAsync();
        await using var factory = new PortalFactory(data, database: null);
        using var officer = await factory.SignedInAsync("officer-11110");
        var (done, open) = (data.Of(PortalData.Jongno)[0].WorklistId, data.Of(PortalData.Jongno)[1].WorklistId);

        using var upload = await officer.UploadAsync(PortalData.Jongno, PortalData.Quarter, "o.csv", Outcomes.Csv((done, "supported", "2026-10-15")));
        var list = await officer.Client.GetStringAsync(new Uri("/cases/2026Q3?sort=id", UriKind.Relative));
        var reportedPage = await officer.Client.GetStringAsync(new Uri($"/cases/2026Q3/{done}", UriKind.Relative));
        var openPage = await officer.Client.GetStringAsync(new Uri($"/cases/2026Q3/{open}", UriKind.Relative));

        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        string Row(string id) => list[list.IndexOf($"<tr><td><a href=\"/cases/2026Q3/{id}\"", StringComparison.Ordinal)..].Split("</tr>")[0];
        Assert.That(Row(done), Does.Contain("회신됨"));
        Assert.That(Row(open), Does.Contain("배정").And.Not.Contain("회신됨"));
        Assert.That((reportedPage.Contains("id=\"reported\"", StringComparison.Ordinal), openPage.Contains("id=\"reported\"", StringComparison.Ordinal)), Is.EqualTo((true, false)));
    }

    private static async Task<HttpResponseMessage> PostAsync(PortalSession session, string caseUrl, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await session.TokenAsync(caseUrl);
        return await session.Client.PostAsync(new Uri($"{caseUrl}/{action}", UriKind.Relative), new FormUrlEncodedContent(fields));
    }
}
