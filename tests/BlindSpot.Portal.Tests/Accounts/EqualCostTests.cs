using System.Net;
using BlindSpot.Portal.Accounts;
using BlindSpot.Portal.Tests.TestSupport;
using BlindSpot.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BlindSpot.Portal.Tests.Accounts;

/// <summary>
/// Refusals cost the same work whatever the name (unknown, wrong password, disabled, locked out), counted in password
/// hash verifications rather than timed; and a lock-out binds the guessing address, so nobody can keep an officer out.
/// </summary>
[Category("Integration")]
[NonParallelizable]
public sealed class EqualCostTests
{
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

    [TestCase(true, TestName = "EveryRefusal_CostsExactlyOneHashVerification_AndReadsTheSame(postgres)")]
    [TestCase(false, TestName = "EveryRefusal_CostsExactlyOneHashVerification_AndReadsTheSame(embedded)")]
    public async Task EveryRefusal_CostsExactlyOneHashVerification_AndReadsTheSame(bool postgres)
    {
        database = postgres ? await PostgresTestDatabase.CreateAsync() : null;
        var hasher = new CountingHasher();
        await using var factory = new PortalFactory(data, database, o => o.LockoutFailures = 2, s => s.AddSingleton<IPasswordHasher<Account>>(hasher));
        using var session = factory.Session();
        await factory.Services.GetRequiredService<AccountAdministration>().DisableAsync("admin", CancellationToken.None);
        using (await session.SignInAsync("officer-41110", "wrong-password-1"))
        using (await session.SignInAsync("officer-41110", "wrong-password-2"))
        {
        }

        var cases = new (string Kind, string Name, string Password)[]
        {
            ("unknown", "nobody-here", "whatever-password"),
            ("wrong password", "analyst", "not-the-password"),
            ("disabled", "admin", PortalFactory.SamplePassword("admin")),
            ("locked out", "officer-41110", PortalFactory.SamplePassword("officer-41110")),
        };
        var costs = new Dictionary<string, int>();
        var bodies = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (kind, name, password) in cases)
        {
            var before = hasher.Verifications;
            using var response = await session.SignInAsync(name, password);
            costs[kind] = hasher.Verifications - before;
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), kind);
            bodies.Add(System.Text.RegularExpressions.Regex.Replace(await response.Content.ReadAsStringAsync(), "value=\"[^\"]+\"", ""));
        }

        Assert.That(costs, Is.EqualTo(cases.ToDictionary(c => c.Kind, _ => 1)), "one PBKDF2 verification for every refusal");
        Assert.That(bodies, Has.Count.EqualTo(1), "one page for every refusal");
    }

    [Test]
    public async Task LockOut_BindsTheGuessingAddress_TheOfficerElsewhereSignsIn_AndItExpires()
    {
        database = await PostgresTestDatabase.CreateAsync();
        var time = new ManualTime(TimeProvider.System.GetUtcNow());
        await using var factory = new PortalFactory(data, database, o =>
        {
            o.KnownProxies.Add("10.0.0.1");
            o.LockoutFailures = 3;
            o.LockoutDuration = TimeSpan.FromMinutes(15);
        }, s => s.AddSingleton<TimeProvider>(time))
        { Peer = IPAddress.Parse("10.0.0.1") };
        using var stranger = factory.Session().From("198.51.100.7");
        for (var i = 0; i < 3; i++)
        {
            using var guess = await stranger.SignInAsync("officer-11110", $"wrong-password-{i}");
        }

        using var strangerRight = await stranger.SignInAsync("officer-11110", PortalFactory.SamplePassword("officer-11110"));
        using var officer = factory.Session().From("203.0.113.20");
        using var officerRight = await officer.SignInAsync("officer-11110", PortalFactory.SamplePassword("officer-11110"));
        time.Advance(TimeSpan.FromMinutes(16));
        using var strangerLater = factory.Session().From("198.51.100.7");
        using var afterExpiry = await strangerLater.SignInAsync("officer-11110", PortalFactory.SamplePassword("officer-11110"));

        Assert.That(strangerRight.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the guessing address is locked out, even with the right password");
        Assert.That(officerRight.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the officer at their own address is not");
        Assert.That(afterExpiry.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the lock expires by itself");
        Assert.That(await AuditRows.CountAsync(database, "sign-in", "locked", "officer-11110"), Is.EqualTo(2));
    }
}
