using System.Net;
using BlindSpot.Portal.Tests.TestSupport;
using BlindSpot.Testing;

namespace BlindSpot.Portal.Tests.Security;

/// <summary>HSTS on every HTTPS answer (never on plain HTTP), a login redirect that never carries the Host header, host filtering.</summary>
[Category("Integration")]
[NonParallelizable]
public sealed class TransportTests
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
    public async Task Https_CarriesHsts_PlainHttpDoesNot()
    {
        await using var factory = new PortalFactory(data, database, o => o.AllowHttpOnLoopback = true);
        using var secure = factory.Session();
        using var plain = factory.Session("http://localhost");

        using var overTls = await secure.GetAsync("/login");
        using var overHttp = await plain.GetAsync("/login");

        Assert.That(overTls.Headers.TryGetValues("Strict-Transport-Security", out var hsts), Is.True);
        Assert.That(hsts!.Single(), Does.Contain("max-age=31536000"));
        Assert.That(overHttp.Headers.Contains("Strict-Transport-Security"), Is.False);
    }

    [Test]
    public async Task LoginRedirect_NeverCarriesTheHostHeader()
    {
        await using var factory = new PortalFactory(data, database);
        using var anonymous = factory.Session();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/officer", UriKind.Relative));
        request.Headers.Host = "evil.example";

        using var response = await anonymous.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/login?ReturnUrl=%2Fofficer"));
    }

    [Test]
    public async Task UnknownHost_Is400_WhenAllowedHostsAreSet()
    {
        await using var factory = new PortalFactory(data, database, o => o.AllowedHosts.Add("portal.example.kr"));
        using var session = factory.Session();
        using var evil = new HttpRequestMessage(HttpMethod.Get, new Uri("/login", UriKind.Relative));
        evil.Headers.Host = "evil.example";
        using var ours = new HttpRequestMessage(HttpMethod.Get, new Uri("/login", UriKind.Relative));
        ours.Headers.Host = "portal.example.kr";

        using var refused = await session.Client.SendAsync(evil);
        using var served = await session.Client.SendAsync(ours);

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(served.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
