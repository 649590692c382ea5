using System.Net;
using BlindSpot.Pipeline.Health;
using BlindSpot.Portal.Tests.TestSupport;
using BlindSpot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlindSpot.Portal.Tests.Endpoints;

/// <summary>
/// /healthz answers while the process lives; /readyz is 503 when PostgreSQL is down, the data root is gone or no model is
/// live, and 200 with all of them there. Both anonymous, and neither says more than one word.
/// </summary>
[NonParallelizable]
public sealed class HealthEndpointsTests
{
    // Nothing listens on port 1: a PostgreSQL server that is down.
    private const string DownPostgres = "Host=127.0.0.1;Port=1;Username=blindspot;Password=not-shown;Database=blindspot;Timeout=2";

    private PortalData data = null!;

    [SetUp]
    public async Task CreateData() => data = await PortalData.CreateAsync();

    [TearDown]
    public void DeleteData() => data?.Dispose();

    [Test]
    public async Task Readyz_EverythingInPlace_Healthy()
    {
        await using var factory = new PortalFactory(data, database: null);
        using var session = factory.Session();

        using var ready = await session.GetAsync("/readyz");
        using var live = await session.GetAsync("/healthz");

        Assert.Multiple(async () =>
        {
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await ready.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK), "anonymous: no sign-in redirect");
        });
    }

    [Test]
    public async Task Readyz_PostgresDown_UnreadyButLive()
    {
        await using var factory = new PortalFactory(data, database: null, services: s => s.AddSingleton(new ReadinessTargets(data.Root.Path, data.ModelsFolder, DownPostgres)));
        using var session = factory.Session();

        using var ready = await session.GetAsync("/readyz");
        using var live = await session.GetAsync("/healthz");

        Assert.Multiple(async () =>
        {
            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(await ready.Content.ReadAsStringAsync(), Is.EqualTo("Unhealthy"), "one word: no host, user or password");
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the process itself is alive: restarting it would not bring PostgreSQL back");
        });
    }

    [Test]
    public async Task Readyz_NoLiveModel_Unready()
    {
        var empty = Directory.CreateTempSubdirectory("blindspot-models-").FullName;
        try
        {
            await using var factory = new PortalFactory(data, database: null, services: s => s.AddSingleton(new ReadinessTargets(data.Root.Path, empty, null)));
            using var session = factory.Session();

            using var ready = await session.GetAsync("/readyz");

            Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Test]
    [Category("Integration")]
    public async Task Readyz_PostgresUp_Healthy()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var factory = new PortalFactory(data, database);
        using var session = factory.Session();

        using var ready = await session.GetAsync("/readyz");

        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
