using System.Net;
using BlindSpot.Portal.Accounts;
using BlindSpot.Portal.Tests.TestSupport;
using BlindSpot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlindSpot.Portal.Tests.Accounts;

/// <summary>Sign-in against accounts in PostgreSQL: cookie flags, audit of every attempt, lock-out, disabled accounts, the rate limit, antiforgery.</summary>
[Category("Integration")]
[NonParallelizable]
public sealed class SignInTests
{
    private PostgresTestDatabase database = null!;
    private PortalData data = null!;

    [SetUp]
    public async Task CreateData()
    {
        database = await PostgresTestDatabase.CreateAsync();
        data = await PortalData.CreateAsync();
    }

    [TearDown]
    public async Task DeleteData()
    {
        // Null-safe: NUnit runs this tear-down even after Assert.Ignore in set-up (no PostgreSQL), before the fields are set.
        data?.Dispose();
        await (database?.DisposeAsync() ?? ValueTask.CompletedTask);
    }

    [Test]
    public async Task SignIn_RightPassword_SetsASecureHttpOnlyStrictSessionCookieAndAuditsIt()
    {
        await using var factory = new PortalFactory(data, database);
        using var session = factory.Session();

        using var response = await session.SignInAsync("officer-11110", PortalFactory.SamplePassword("officer-11110"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("blindspot.session=", StringComparison.Ordinal));
        Assert.That(cookie, Does.Contain("secure").And.Contain("httponly").And.Contain("samesite=strict"));
        Assert.That(await AuditRows.CountAsync(database, "sign-in", "ok", "officer-11110"), Is.EqualTo(1));
        Assert.That(await database.ScalarAsync($"SELECT count(*) FROM {database.Schema}.audit_log WHERE sigungu_code = '11110' AND role = 'officer'"), Is.EqualTo(1));
    }

    [Test]
    public async Task SignIn_WrongPasswordOrUnknownName_Is401AndAuditedWithoutThePassword()
    {
        await using var factory = new PortalFactory(data, database);
        using var session = factory.Session();

        using var wrong = await session.SignInAsync("analyst", "not-the-password-1");
        using var unknown = await session.SignInAsync("nobody-here", "not-the-password-2");

        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await wrong.Content.ReadAsStringAsync(), Is.EqualTo(await unknown.Content.ReadAsStringAsync()).Or.Not.Contain("nobody"), "no hint which names exist");
        Assert.That(await AuditRows.CountAsync(database, "sign-in", "wrong-password", "analyst"), Is.EqualTo(1));
        Assert.That(await AuditRows.CountAsync(database, "sign-in", "unknown-user", factory.Services.GetRequiredService<BlindSpot.Portal.Audit.AuditTrail>().UnknownName("nobody-here")), Is.EqualTo(1));
        Assert.That(await database.ScalarAsync($"SELECT count(*) FROM {database.Schema}.audit_log WHERE user_name LIKE '%nobody%'"), Is.Zero, "a typed name that is no account is kept only as a hash");
        Assert.That(await database.ScalarAsync($"SELECT count(*) FROM {database.Schema}.audit_log WHERE target LIKE '%not-the-password%' OR outcome LIKE '%not-the-password%'"), Is.Zero);
    }

    [Test]
    public async Task SignIn_AfterTooManyFailures_LocksThisAddressOutEvenForTheRightPassword()
    {
        await using var factory = new PortalFactory(data, database, o => o.LockoutFailures = 3);
        using var session = factory.Session();
        for (var i = 0; i < 3; i++)
        {
            using var failed = await session.SignInAsync("analyst", $"wrong-password-{i}");
        }

        using var right = await session.SignInAsync("analyst", PortalFactory.SamplePassword("analyst"));

        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await AuditRows.CountAsync(database, "sign-in", "locked", "analyst"), Is.EqualTo(2), "the third failure locks, the right password is then refused as locked");
    }

    [Test]
    public async Task SignIn_DisabledAccount_IsRefusedAndResetEnablesIt()
    {
        await using var factory = new PortalFactory(data, database);
        using var session = factory.Session();
        var administration = factory.Services.GetRequiredService<AccountAdministration>();
        await administration.DisableAsync("admin", CancellationToken.None);

        using var refused = await session.SignInAsync("admin", PortalFactory.SamplePassword("admin"));
        await administration.ResetAsync("admin", "a-brand-new-password", CancellationToken.None);
        using var accepted = await session.SignInAsync("admin", "a-brand-new-password");

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await AuditRows.CountAsync(database, "sign-in", "disabled", "admin"), Is.EqualTo(1));
    }

    [Test]
    public async Task SignIn_MoreAttemptsThanTheRateLimit_Is429()
    {
        await using var factory = new PortalFactory(data, database, o => o.LoginPermitsPerWindow = 3);
        using var session = factory.Session();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await session.SignInAsync("officer-11110", $"wrong-password-{i}");
            statuses.Add(response.StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
        Assert.That(await AuditRows.CountAsync(database, "sign-in", user: "officer-11110"), Is.EqualTo(3), "a throttled attempt never reaches the password check");
    }

    [Test]
    public async Task SignIn_WithoutAntiforgeryToken_Is400()
    {
        await using var factory = new PortalFactory(data, database);
        using var session = factory.Session();

        using var response = await session.Client.PostAsync(new Uri("/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "analyst", ["password"] = PortalFactory.SamplePassword("analyst"),
        }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await AuditRows.CountAsync(database, "sign-in"), Is.Zero);
    }

    [Test]
    public async Task SignOut_EndsTheSession()
    {
        await using var factory = new PortalFactory(data, database);
        using var officer = await factory.SignedInAsync("officer-11110");
        var token = await officer.TokenAsync("/officer");

        using var signOut = await officer.Client.PostAsync(new Uri("/logout", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        using var after = await officer.GetAsync("/officer/11110/2026Q3/worklist.csv");

        Assert.That(signOut.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(after.Headers.Location?.ToString(), Does.Contain("/login"));
        Assert.That(await AuditRows.CountAsync(database, "download"), Is.Zero);
    }

    [Test]
    public async Task Accounts_StoreOnlyHashes()
    {
        await using var factory = new PortalFactory(data, database);
        using var session = factory.Session();
        using var _ = await session.GetAsync("/login");

        var hashes = await database.ScalarAsync($"SELECT count(*) FROM {database.Schema}.accounts WHERE password_hash LIKE 'AQAAAA%' AND password_hash NOT LIKE '%sample%'");

        Assert.That(hashes, Is.EqualTo(SampleAccounts.All.Count), "PasswordHasher V3 format (PBKDF2), never the password");
    }
}
