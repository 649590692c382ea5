using System.Net;
using System.Text.RegularExpressions;
using BlindSpot.Portal.Tests.TestSupport;
using BlindSpot.Testing;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;

namespace BlindSpot.Portal.Tests.Security;

/// <summary>
/// The Hangfire dashboard is read-only for analysts: their requeue or delete is refused and the job stays; an admin's
/// action goes through; both are audited. Jobs come from a real trigger, so the run's guard is what the dashboard could bypass.
/// </summary>
[Category("Integration")]
[NonParallelizable]
public sealed partial class DashboardTests
{
    private PostgresTestDatabase database = null!;
    private PortalData data = null!;
    private PortalFactory factory = null!;

    [SetUp]
    public async Task StartPortal()
    {
        database = await PostgresTestDatabase.CreateAsync();
        data = await PortalData.CreateAsync();
        factory = new PortalFactory(data, database);
    }

    [TearDown]
    public async Task StopPortal()
    {
        // Null-safe: NUnit runs this tear-down even after Assert.Ignore in set-up (no PostgreSQL), before the fields are set.
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        data?.Dispose();
        await (database?.DisposeAsync() ?? ValueTask.CompletedTask);
    }

    [Test]
    public async Task DeleteJob_IsRefusedForAnalysts_AllowedForAdmins_AndBothAreAudited()
    {
        using var analyst = await factory.SignedInAsync("analyst");
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = await analyst.TokenAsync("/analyst"), ["quarter"] = "2026Q3" };
        using (var trigger = await analyst.Client.PostAsync(new Uri("/analyst/runs", UriKind.Relative), new FormUrlEncodedContent(form)))
        {
            Assert.That(trigger.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var monitoring = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var jobId = monitoring.Queues().SelectMany(q => monitoring.EnqueuedJobs(q.Name, 0, 10)).Single().Key;

        using var byAnalyst = await DeleteAsync(analyst, jobId);
        var stateAfterAnalyst = monitoring.JobDetails(jobId).History[0].StateName;
        using var admin = await factory.SignedInAsync("admin");
        using var byAdmin = await DeleteAsync(admin, jobId);
        using var refresh = await PostAsync(analyst, "/hangfire/stats", [new("metrics[]", "enqueued:count")]);

        Assert.That(byAnalyst.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "read-only for analysts");
        Assert.That(stateAfterAnalyst, Is.EqualTo(EnqueuedState.StateName));
        Assert.That(byAdmin.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(refresh.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the pages' counter refresh is a post too, and no action");
        Assert.That(monitoring.JobDetails(jobId).History[0].StateName, Is.EqualTo(DeletedState.StateName));
        Assert.That(await AuditRows.CountAsync(database, "dashboard", "read-only", "analyst"), Is.EqualTo(1));
        Assert.That(await AuditRows.CountAsync(database, "dashboard", "ok", "admin"), Is.EqualTo(1));
        Assert.That(await AuditRows.CountAsync(database, "dashboard"), Is.EqualTo(2), "the counter refresh is not audited");
        Assert.That(await database.ScalarAsync($"SELECT count(*) FROM {database.Schema}.audit_log WHERE action = 'dashboard' AND target = '/hangfire/jobs/enqueued/delete'"), Is.EqualTo(2));
    }

    /// <summary>Posts the dashboard's "delete" for <paramref name="jobId"/>.</summary>
    private static Task<HttpResponseMessage> DeleteAsync(PortalSession session, string jobId) =>
        PostAsync(session, "/hangfire/jobs/enqueued/delete", [new("jobs[]", jobId)]);

    /// <summary>Posts <paramref name="fields"/> to a dashboard path with the antiforgery token its pages carry, as its scripts do.</summary>
    private static async Task<HttpResponseMessage> PostAsync(PortalSession session, string path, KeyValuePair<string, string>[] fields)
    {
        using var page = await session.GetAsync("/hangfire/jobs/enqueued");
        var html = await page.Content.ReadAsStringAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(fields),
        };
        request.Headers.Add(CsrfHeader().Match(html).Groups[1].Value, WebUtility.HtmlDecode(CsrfToken().Match(html).Groups[1].Value));
        return await session.Client.SendAsync(request);
    }

    [GeneratedRegex("<meta name=\"csrf-header\" content=\"([^\"]+)\">")]
    private static partial Regex CsrfHeader();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\">")]
    private static partial Regex CsrfToken();
}
