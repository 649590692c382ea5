using System.Net;
using BlindSpot.Portal.Tests.TestSupport;
using BlindSpot.Testing;

namespace BlindSpot.Portal.Tests.Endpoints;

/// <summary>The analyst's pages: the run from its manifest, triggering a run through real Hangfire storage, reports and model files found by listing.</summary>
[Category("Integration")]
[NonParallelizable]
public sealed class AnalystEndpointsTests
{
    private PostgresTestDatabase database = null!;
    private PortalData data = null!;
    private PortalFactory factory = null!;
    private PortalSession analyst = null!;

    [SetUp]
    public async Task StartPortal()
    {
        database = await PostgresTestDatabase.CreateAsync();
        data = await PortalData.CreateAsync();
        factory = new PortalFactory(data, database);
        analyst = await factory.SignedInAsync("analyst");
    }

    [TearDown]
    public async Task StopPortal()
    {
        // Null-safe: NUnit runs this tear-down even after Assert.Ignore in set-up (no PostgreSQL), before the fields are set.
        analyst?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        data?.Dispose();
        await (database?.DisposeAsync() ?? ValueTask.CompletedTask);
    }

    [Test]
    public async Task RunPage_ShowsEachStagesStateDurationAndCounts()
    {
        using var response = await analyst.GetAsync("/analyst/runs/2026Q3");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("<td>dispatch</td><td>completed</td><td>2026-10-01 02:03:00</td><td>42.0</td><td>rows 1,003</td>"));
        Assert.That(html, Does.Contain("href=\"/analyst/runs/2026Q3/report\""));
    }

    [Test]
    public async Task Trigger_EnqueuesARun_AndASecondTriggerWhileItIsActiveIsRefused()
    {
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = await analyst.TokenAsync("/analyst"), ["quarter"] = "2026Q3" };

        using var first = await analyst.Client.PostAsync(new Uri("/analyst/runs", UriKind.Relative), new FormUrlEncodedContent(form));
        using var second = await analyst.Client.PostAsync(new Uri("/analyst/runs", UriKind.Relative), new FormUrlEncodedContent(form));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await first.Content.ReadAsStringAsync(), Does.Contain("Run 2026Q3-").And.Contain("enqueued"));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "no worker runs in the test, so the first run is still enqueued");
        Assert.That(await second.Content.ReadAsStringAsync(), Does.Contain("already under way"));
        Assert.That(await AuditRows.CountAsync(database, "trigger-run", "ok", "analyst"), Is.EqualTo(1));
        Assert.That(await AuditRows.CountAsync(database, "trigger-run", "already-active", "analyst"), Is.EqualTo(1));
    }

    [Test]
    public async Task Trigger_WithoutAntiforgeryToken_Is400()
    {
        using var response = await analyst.Client.PostAsync(new Uri("/analyst/runs", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["quarter"] = "2026Q3" }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await AuditRows.CountAsync(database, "trigger-run"), Is.Zero);
    }

    [Test]
    public async Task Reports_AreServedUnderASandboxedPolicyWithoutScript()
    {
        using var run = await analyst.GetAsync("/analyst/runs/2026Q3/report");
        using var evaluation = await analyst.GetAsync($"/analyst/models/household/{PortalData.ModelVersion}/evaluation/2026Q2/report.html");

        foreach (var response in new[] { run, evaluation })
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
            Assert.That(csp, Does.Contain("sandbox").And.Contain("default-src 'none'").And.Not.Contain("script-src"));
        }

        Assert.That(await run.Content.ReadAsStringAsync(), Does.Contain("Run report 2026Q3"));
    }

    [Test]
    public async Task Reports_CarryTheirChartsInline_SoASandboxedPageShowsThem()
    {
        using var run = await analyst.GetAsync("/analyst/runs/2026Q3/report");
        using var evaluation = await analyst.GetAsync($"/analyst/models/household/{PortalData.ModelVersion}/evaluation/2026Q2/report.html");
        var chart = "src=\"data:image/png;base64," + Convert.ToBase64String(PortalData.Chart) + "\"";

        foreach (var (response, file) in new[] { (run, "selections.png"), (evaluation, "roc.png") })
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Contain(chart), file);
            Assert.That(html, Does.Not.Contain($"src=\"{file}\""), "no second request, which a sandboxed page makes without the session cookie");
        }
    }

    [TestCase("/analyst/models/household/..%2F..%2Fportal/evaluation/2026Q2/report.html")]
    [TestCase("/analyst/models/household/v-missing")]
    [TestCase("/analyst/models/..%2Fhousehold/" + PortalData.ModelVersion)]
    [TestCase("/analyst/models/household/" + PortalData.ModelVersion + "/evaluation/2026Q2/..%2F..%2Fmodel-card.json")]
    [TestCase("/analyst/runs/2026Q9")]
    [TestCase("/analyst/runs/..%2F..%2Fidentity/report")]
    public async Task NamesNotListedInTheFolder_Are404(string path)
    {
        using var response = await analyst.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task ModelPage_ShowsTheCardAndLinksItsEvaluation()
    {
        using var models = await analyst.GetAsync("/analyst/models");
        using var model = await analyst.GetAsync($"/analyst/models/household/{PortalData.ModelVersion}");
        var html = await model.Content.ReadAsStringAsync();

        Assert.That(await models.Content.ReadAsStringAsync(), Does.Contain(PortalData.ModelVersion).And.Contain("live"));
        Assert.That(html, Does.Contain("&quot;validQuarter&quot;: &quot;2026Q2&quot;"));
        Assert.That(html, Does.Contain($"/analyst/models/household/{PortalData.ModelVersion}/evaluation/2026Q2/report.html"));
    }
}
