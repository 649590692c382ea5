using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using BlindSpot.Portal.Audit;
using BlindSpot.Portal.Tests.TestSupport;

namespace BlindSpot.Portal.Tests.Endpoints;

/// <summary>The reports API: a key an admin issues works until revoked; no key, an unknown or a revoked key is 401, audited.</summary>
public sealed partial class ReportEndpointsTests
{
    [Test]
    public async Task Api_OnlyAWorkingKeyIsAdmitted_AndEveryRefusalIsAudited()
    {
        using var data = await PortalData.CreateAsync();
        await ReportScenario.WriteAsync(data);
        await using var factory = Factory(data);
        using var admin = await factory.SignedInAsync("admin");
        var key = await IssueAsync(admin, "welfare-center");
        using var api = factory.Session();
        var report = new { quarter = "2026Q3", residentNumber = PortalData.ResidentNumber(11), observed = "우편물이 쌓여 있음", reporterKind = "neighbour", reportedOn = "2026-09-01" };

        using var none = await api.Client.PostAsJsonAsync(new Uri("/api/reports", UriKind.Relative), report);
        using var unknown = await PostAsync(api, "bsk_" + new string('A', 43), report);
        using var invalid = await PostAsync(api, key, report with { reporterKind = "passer-by" });
        using var taken = await PostAsync(api, key, report);
        using var revoke = await admin.Client.PostAsync(new Uri("/admin/api-keys/welfare-center/revoke", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await admin.TokenAsync("/admin/api-keys") }));
        using var revoked = await PostAsync(api, key, report);
        using var jongno = await factory.SignedInAsync("officer-11110");
        var cases = await jongno.Client.GetStringAsync(new Uri("/cases/2026Q3?origin=report", UriKind.Relative));

        Assert.That((none.StatusCode, unknown.StatusCode, revoked.StatusCode), Is.EqualTo((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized)));
        Assert.That(none.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
        Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await invalid.Content.ReadAsStringAsync(), Does.Contain("reporter_kind"));
        Assert.That(taken.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(await taken.Content.ReadAsStringAsync(), Does.Not.Contain("matched").And.Not.Contain(ReportScenario.Hong), "the answer does not say whom it matched");
        Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(cases, Does.Contain(ReportScenario.Hong));
        var audit = await factory.AuditAsync();
        Assert.That(audit.Where(a => a.Action == AuditActions.ApiReport).Select(a => (a.UserName, a.Outcome)), Is.EqualTo(new[]
        {
            ("-", "no-key"), ("-", "unknown-key"), ("api:welfare-center", "invalid"), ("api:welfare-center", "ok"), ("api:welfare-center", "revoked"),
        }));
        Assert.That(audit.Where(a => a.Action == AuditActions.ApiKey).Select(a => (a.Target, a.Outcome)), Is.EqualTo(new[] { ("welfare-center", "issued"), ("welfare-center", "revoked") }));
        Assert.That(string.Join('\n', audit.Select(a => a.ToString())), Does.Not.Contain(key).And.Not.Contain(PortalData.ResidentNumber(11)[..^1]));
    }

    [Test]
    public async Task ApiKeys_AreIssuedByAdminsOnly()
    {
        using var data = await PortalData.CreateAsync();
        await using var factory = Factory(data);
        using var analyst = await factory.SignedInAsync("analyst");

        using var page = await analyst.GetAsync("/admin/api-keys");
        using var issue = await analyst.Client.PostAsync(new Uri("/admin/api-keys", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await analyst.TokenAsync("/analyst"), ["name"] = "mine" }));

        Assert.That((page.StatusCode, issue.StatusCode), Is.EqualTo((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)));
    }

    private static async Task<string> IssueAsync(PortalSession admin, string name)
    {
        using var issued = await admin.Client.PostAsync(new Uri("/admin/api-keys", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await admin.TokenAsync("/admin/api-keys"), ["name"] = name }));
        var html = await issued.Content.ReadAsStringAsync();
        return Regex.Match(html, "<code id=\"new-key\">(bsk_[A-Za-z0-9_-]+)</code>").Groups[1].Value is { Length: > 0 } key ? key : throw new AssertionException("no key shown: " + html);
    }

    private static Task<HttpResponseMessage> PostAsync<T>(PortalSession api, string key, T report)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/reports", UriKind.Relative)) { Content = JsonContent.Create(report) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return api.Client.SendAsync(request);
    }
}
