using System.Net;
using BlindSpot.Portal.Tests.TestSupport;
using BlindSpot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlindSpot.Portal.Tests.Endpoints;

/// <summary>Each role × each endpoint: who gets the page, who gets 403, and that anonymous requests are sent to sign in.</summary>
[Category("Integration")]
[NonParallelizable]
public sealed class AuthorisationMatrixTests
{
    private const string Anonymous = "anonymous";
    private const string Officer = "officer-11110";
    private const string EupmyeondongOfficer = "officer-11110515";
    private const string AssignedCase = "2026Q3-11110-H-000001";
    private const string Analyst = "analyst";
    private const string Admin = "admin";

    private static readonly string[] OfficerPaths =
    [
        "/officer", "/officer/11110/2026Q3", "/officer/11110/2026Q3/worklist.xlsx", "/officer/11110/2026Q3/worklist.csv",
    ];

    // Case 000001 is assigned to the 읍면동 officer's 읍면동 in set-up, so both officers may open it.
    private static readonly string[] CasePaths = ["/cases", "/cases/2026Q3", $"/cases/2026Q3/{AssignedCase}", $"/cases/2026Q3/{AssignedCase}/sheet"];

    // Own discovery: both officers, each in their own area (another area is 403 for them too: DiscoveryEndpointsTests).
    private static readonly string[] DiscoveryPaths = ["/discovery", "/discovery/11110/2026Q3"];

    private static readonly string[] AnalystPaths =
    [
        "/analyst", "/analyst/runs/2026Q3", "/analyst/runs/2026Q3/report", "/analyst/models",
        $"/analyst/models/household/{PortalData.ModelVersion}", $"/analyst/models/household/{PortalData.ModelVersion}/evaluation/2026Q2/report.html", "/hangfire",
        "/analyst/reports",
    ];

    private static readonly string[] AdminPaths = ["/admin/audit", "/admin/audit.csv", "/admin/accounts", "/admin/api-keys"];

    private readonly Dictionary<string, PortalSession> sessions = [];
    private PostgresTestDatabase database = null!;
    private PortalData data = null!;
    private PortalFactory factory = null!;

    public static IEnumerable<TestCaseData> Matrix()
    {
        foreach (var (paths, allowed) in new[] { (OfficerPaths, new[] { Officer }), (CasePaths, [Officer, EupmyeondongOfficer]), (DiscoveryPaths, [Officer, EupmyeondongOfficer]), (AnalystPaths, [Analyst, Admin]), (AdminPaths, [Admin]) })
        {
            foreach (var path in paths)
            {
                foreach (var role in new[] { Anonymous, Officer, EupmyeondongOfficer, Analyst, Admin })
                {
                    var expected = role == Anonymous ? HttpStatusCode.Redirect : allowed.Contains(role) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
                    yield return new TestCaseData(path, role, expected).SetName($"Get_{path}_As_{role}_Is_{(int)expected}");
                }
            }
        }
    }

    [OneTimeSetUp]
    public async Task StartPortal()
    {
        database = await PostgresTestDatabase.CreateAsync();
        data = await PortalData.CreateAsync();
        await DiscoveryData.WriteAsync(data);
        factory = new PortalFactory(data, database);
        foreach (var user in new[] { Officer, EupmyeondongOfficer, Analyst, Admin })
        {
            sessions[user] = await factory.SignedInAsync(user);
        }

        // The worklist becomes cases on the 시군구 officer's first look; then one goes to the 읍면동.
        using (await sessions[Officer].GetAsync("/cases/2026Q3"))
        {
            await factory.Services.GetRequiredService<BlindSpot.Portal.Cases.ICaseStore>().AssignAsync(AssignedCase, "11110515", Officer, DateTimeOffset.UnixEpoch, CancellationToken.None);
        }

        sessions[Anonymous] = factory.Session();
    }

    [OneTimeTearDown]
    public async Task StopPortal()
    {
        // Null-safe: NUnit runs this tear-down even after Assert.Ignore in set-up (no PostgreSQL), before the fields are set.
        foreach (var session in sessions.Values)
        {
            session.Dispose();
        }

        if (factory is not null)

        {

            await factory.DisposeAsync();

        }

        data?.Dispose();
        await (database?.DisposeAsync() ?? ValueTask.CompletedTask);
    }

    [TestCaseSource(nameof(Matrix))]
    public async Task Get_RoleAndEndpoint_GivesTheExpectedStatus(string path, string role, HttpStatusCode expected)
    {
        using var response = await sessions[role].GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(expected));
        if (expected == HttpStatusCode.Redirect)
        {
            Assert.That(response.Headers.Location?.ToString(), Does.Contain("/login"), "anonymous requests are sent to sign in, never served");
        }
    }

    [TestCase(EupmyeondongOfficer, "assign", HttpStatusCode.Forbidden)]
    [TestCase(Analyst, "assign", HttpStatusCode.Forbidden)]
    [TestCase(Analyst, "status", HttpStatusCode.Forbidden)]
    [TestCase(Admin, "continued", HttpStatusCode.Forbidden)]
    [TestCase(Anonymous, "status", HttpStatusCode.Redirect)]
    public async Task CaseChange_WithoutTheRole_IsRefusedAndChangesNothing(string role, string action, HttpStatusCode expected)
    {
        var token = await sessions[Officer].TokenAsync($"/cases/2026Q3/{AssignedCase}");
        using var response = await sessions[role].Client.PostAsync(new Uri($"/cases/2026Q3/{AssignedCase}/{action}", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["eupmyeondong"] = "", ["status"] = "contacted", ["on"] = "1",
        }));

        Assert.That(response.StatusCode, Is.EqualTo(expected));
        var c = await factory.Services.GetRequiredService<BlindSpot.Portal.Cases.ICaseStore>().FindAsync(AssignedCase, CancellationToken.None);
        Assert.That((c!.EupmyeondongCode, c.Status, c.ContinuedCare), Is.EqualTo(("11110515", "assigned", false)));
    }

    [TestCase(Analyst, HttpStatusCode.Forbidden)]
    [TestCase(Admin, HttpStatusCode.Forbidden)]
    [TestCase(Anonymous, HttpStatusCode.Redirect)]
    public async Task DiscoveryAdd_WithoutTheRole_IsRefusedAndAddsNothing(string role, HttpStatusCode expected)
    {
        var token = await sessions[Officer].TokenAsync("/discovery/11110/2026Q3");
        using var response = await sessions[role].Client.PostAsync(new Uri("/discovery/11110/2026Q3/add", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["v"] = "any", ["p"] = "0", ["reason"] = "권한 없는 추가",
        }));

        Assert.That(response.StatusCode, Is.EqualTo(expected));
        Assert.That(await factory.Services.GetRequiredService<BlindSpot.Portal.Cases.ICaseStore>().CountAsync("2026Q3", "11110", BlindSpot.Portal.Cases.CaseOrigin.OwnDiscovery, CancellationToken.None), Is.Zero);
    }

    [TestCase(Officer, HttpStatusCode.Forbidden)]
    [TestCase(Anonymous, HttpStatusCode.Redirect)]
    public async Task TriggerRun_WithoutTheAnalystRole_IsRefusedBeforeAnythingIsEnqueued(string role, HttpStatusCode expected)
    {
        using var response = await sessions[role].Client.PostAsync(new Uri("/analyst/runs", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["quarter"] = "2026Q3" }));

        Assert.That(response.StatusCode, Is.EqualTo(expected));
        Assert.That(await AuditRows.CountAsync(database, "trigger-run"), Is.Zero);
    }

    [Test]
    public async Task Pages_CarryTheSecurityHeaders()
    {
        using var response = await sessions[Officer].GetAsync("/officer");

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.That(csp, Does.Contain("default-src 'none'").And.Contain("script-src 'self'").And.Contain("frame-ancestors 'none'").And.Not.Contain("unsafe-inline"));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
        Assert.That(response.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
    }

    [TestCase("/models/household/")]
    [TestCase("/Pages/")]
    [TestCase("/worklists/2026Q3/")]
    [TestCase("/worklists/2026Q3/11110.csv")]
    public async Task NoDirectoryListingOrRawDataFiles_AreServed(string path)
    {
        using var response = await sessions[Admin].GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
