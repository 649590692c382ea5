using System.Net;
using System.Text.RegularExpressions;
using BlindSpot.Portal.Tests.TestSupport;
using BlindSpot.Testing;

namespace BlindSpot.Portal.Tests.Accounts;

/// <summary>
/// Behind the documented TLS proxy (a known proxy at 10.0.0.1 sending X-Forwarded-For/-Proto): sign-in is limited per
/// forwarded client address and per account, a refusal is a Korean 429 page and audited, and the cookies stay Secure.
/// </summary>
[Category("Integration")]
[NonParallelizable]
public sealed partial class ProxyAndRateLimitTests
{
    private const string Proxy = "10.0.0.1";

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
    public async Task SignIn_BehindTheProxy_IsLimitedPerForwardedAddress_SoOfficersElsewhereStillSignIn()
    {
        await using var factory = BehindProxy(o => o.LoginPermitsPerWindow = 3);
        using var guesser = factory.Session().From("203.0.113.1");
        using var officer = factory.Session().From("203.0.113.2");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var attempt = await guesser.SignInAsync("officer-11110", $"wrong-password-{i}");
            statuses.Add(attempt.StatusCode);
        }

        using var refused = await guesser.SignInAsync("officer-11110", "wrong-password-x");
        using var other = await officer.SignInAsync("officer-41110", PortalFactory.SamplePassword("officer-41110"));

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "another officer behind the same proxy has their own budget");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("로그인 시도가 너무 많").And.Contain("다시 시도해 주세요"), "a Korean page, not a blank 429");
        Assert.That(refused.Headers.RetryAfter, Is.Not.Null);
        var audit = await factory.AuditAsync();
        Assert.That(audit.Count(e => e.Action == "sign-in" && e.Outcome == "rate-limited" && e.Client == "203.0.113.1"), Is.EqualTo(2));
        Assert.That(audit.Single(e => e.Outcome == "ok").Client, Is.EqualTo("203.0.113.2"), "the audit names the officer's address, not the proxy's");
    }

    [Test]
    public async Task SignIn_OnOneAccountFromManyAddresses_IsLimitedPerAccount()
    {
        await using var factory = BehindProxy(o => o.LoginPermitsPerAccount = 3);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var guesser = factory.Session().From($"198.51.100.{i + 1}");
            using var attempt = await guesser.SignInAsync("analyst", $"wrong-password-{i}");
            statuses.Add(attempt.StatusCode);
        }

        using var officer = factory.Session().From("203.0.113.9");
        using var other = await officer.SignInAsync("officer-11110", PortalFactory.SamplePassword("officer-11110"));

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "other accounts are not limited");
        Assert.That(await AuditRows.CountAsync(database, "sign-in", "rate-limited", "analyst"), Is.EqualTo(1));
    }

    [Test]
    public async Task SignIn_OverPlainHttpFromTheProxy_KeepsTheCookiesSecure()
    {
        await using var factory = BehindProxy(o => o.AllowHttpOnLoopback = true);
        // A bare client on http:// (as the proxy talks to the portal): cookies handled by hand, since a cookie jar would
        // rightly refuse to send Secure cookies over plain HTTP.
        using var client = factory.CreateDefaultClient(new Uri("http://localhost"));
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.3");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        using var page = await client.GetAsync(new Uri("/login", UriKind.Relative));
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("blindspot.antiforgery=", StringComparison.Ordinal));
        var token = WebUtility.HtmlDecode(TokenField().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["username"] = "analyst", ["password"] = PortalFactory.SamplePassword("analyst"),
            }),
        };
        request.Headers.Add("Cookie", antiforgery.Split(';')[0]);

        using var signIn = await client.SendAsync(request);

        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(antiforgery.ToLowerInvariant(), Does.Contain("secure"));
        Assert.That(signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("blindspot.session=", StringComparison.Ordinal)).ToLowerInvariant(), Does.Contain("secure"));
    }

    [Test]
    public async Task ForwardedFor_FromAPeerThatIsNoKnownProxy_IsIgnored()
    {
        // The proxy is configured, but this request comes straight from another machine claiming to forward for someone.
        await using var factory = new PortalFactory(data, database, o => o.KnownProxies.Add(Proxy)) { Peer = IPAddress.Parse("198.51.100.7") };
        using var spoofer = factory.Session().From("203.0.113.9");

        using var attempt = await spoofer.SignInAsync("officer-11110", "wrong-password");

        Assert.That(attempt.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var audit = await factory.AuditAsync();
        Assert.That(audit.Where(e => e.Action == "sign-in").Select(e => e.Client), Is.EqualTo(new[] { "198.51.100.7" }), "the connection's own address, not the claimed one");
    }

    private PortalFactory BehindProxy(Action<PortalOptions> configure) => new(data, database, o =>
    {
        o.KnownProxies.Add(Proxy);
        configure(o);
    })
    { Peer = IPAddress.Parse(Proxy) };

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
