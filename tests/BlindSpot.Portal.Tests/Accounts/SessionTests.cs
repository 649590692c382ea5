using System.Net;
using BlindSpot.Portal.Accounts;
using BlindSpot.Portal.Tests.TestSupport;
using BlindSpot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlindSpot.Portal.Tests.Accounts;

/// <summary>
/// Sessions are checked on the server on every request, with accounts in PostgreSQL and in the embedded file: sign-out
/// ends every copy of the cookie, disabling an account ends its live session, and no activity keeps a session beyond its
/// absolute lifetime.
/// </summary>
[Category("Integration")]
[NonParallelizable]
public sealed class SessionTests
{
    private static readonly Uri Portal = new("https://localhost");

    private PostgresTestDatabase? database;
    private PortalData data = null!;

    [SetUp]
    public async Task CreateData() => data = await PortalData.CreateAsync();

    [TearDown]
    public async Task DeleteData()
    {
        // Null-safe: NUnit runs this tear-down even after Assert.Ignore in set-up (no PostgreSQL), before the fields are set.
        data?.Dispose();
        await (database?.DisposeAsync() ?? ValueTask.CompletedTask);
    }

    [TestCase(true, TestName = "SignOut_EndsEveryCopyOfTheSessionCookie_AndIsAudited(postgres)")]
    [TestCase(false, TestName = "SignOut_EndsEveryCopyOfTheSessionCookie_AndIsAudited(embedded)")]
    public async Task SignOut_EndsEveryCopyOfTheSessionCookie_AndIsAudited(bool postgres)
    {
        await using var factory = await CreateAsync(postgres);
        var cookies = new CookieContainer();
        using var officer = factory.Session(cookies);
        Assert.That((await officer.SignInAsync("officer-11110", PortalFactory.SamplePassword("officer-11110"))).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var stolen = new CookieContainer();
        stolen.Add(cookies.GetCookies(Portal));
        using var thief = factory.Session(stolen);
        using var before = await thief.GetAsync("/officer");

        using var signOut = await officer.SignOutAsync("/officer");
        using var after = await thief.GetAsync("/officer/11110/2026Q3/worklist.csv");

        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the copy worked while the session was live");
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(after.Headers.Location?.ToString(), Is.EqualTo("/login?ReturnUrl=%2Fofficer%2F11110%2F2026Q3%2Fworklist.csv"));
        var audit = await factory.AuditAsync();
        Assert.That(audit.Count(e => e.Action == "sign-out" && e.UserName == "officer-11110" && e.Outcome == "ok"), Is.EqualTo(1));
        Assert.That(audit.Count(e => e.Action == "session-ended" && e.Outcome == "revoked" && e.Target == "/officer/11110/2026Q3/worklist.csv"), Is.EqualTo(1));
        Assert.That(audit.Count(e => e.Action == "download"), Is.Zero);
    }

    [TestCase(true, TestName = "DisablingAnAccount_EndsItsLiveSessionAtOnce(postgres)")]
    [TestCase(false, TestName = "DisablingAnAccount_EndsItsLiveSessionAtOnce(embedded)")]
    public async Task DisablingAnAccount_EndsItsLiveSessionAtOnce(bool postgres)
    {
        await using var factory = await CreateAsync(postgres);
        using var officer = await factory.SignedInAsync("officer-41110");
        using var before = await officer.GetAsync("/officer");

        await factory.Services.GetRequiredService<AccountAdministration>().DisableAsync("officer-41110", CancellationToken.None);
        using var after = await officer.GetAsync("/officer");

        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await factory.AuditAsync()).Count(e => e.Action == "session-ended" && e.Outcome == "disabled" && e.UserName == "officer-41110"), Is.EqualTo(1));
    }

    [TestCase(true, TestName = "Session_EndsAtItsAbsoluteLifetime_HoweverActive(postgres)")]
    [TestCase(false, TestName = "Session_EndsAtItsAbsoluteLifetime_HoweverActive(embedded)")]
    public async Task Session_EndsAtItsAbsoluteLifetime_HoweverActive(bool postgres)
    {
        var time = new ManualTime(TimeProvider.System.GetUtcNow());
        await using var factory = await CreateAsync(postgres, o =>
        {
            o.SessionIdleTimeout = TimeSpan.FromMinutes(30);
            o.SessionAbsoluteLifetime = TimeSpan.FromHours(1);
        }, time);
        using var officer = await factory.SignedInAsync("officer-11110");
        var statuses = new List<HttpStatusCode>();
        // Active every 15–25 minutes: the sliding idle timeout alone would keep this session forever.
        foreach (var minutes in new[] { 20, 20, 15, 25 })
        {
            time.Advance(TimeSpan.FromMinutes(minutes));
            using var response = await officer.GetAsync("/officer");
            statuses.Add(response.StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Redirect }), "20, 40, 55 minutes in: live; 80: over the hour");
        Assert.That((await factory.AuditAsync()).Count(e => e.Action == "session-ended" && e.Outcome == "expired"), Is.EqualTo(1));
    }

    private async Task<PortalFactory> CreateAsync(bool postgres, Action<PortalOptions>? configure = null, TimeProvider? time = null)
    {
        database = postgres ? await PostgresTestDatabase.CreateAsync() : null;
        return new PortalFactory(data, database, configure, services =>
        {
            if (time is not null)
            {
                services.AddSingleton(time);
            }
        });
    }
}
