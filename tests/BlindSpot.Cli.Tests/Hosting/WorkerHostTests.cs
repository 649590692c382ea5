using System.Collections;
using System.Net;
using System.Net.Sockets;
using BlindSpot.Cli.Configuration;
using BlindSpot.Cli.Hosting;
using BlindSpot.Testing;
using Microsoft.Extensions.Hosting;

namespace BlindSpot.Cli.Tests.Hosting;

/// <summary>
/// The worker on the Generic Host with <c>Worker:HealthUrls</c>: a small HTTP endpoint where /healthz answers while it
/// runs, /readyz reports what it lacks (here: no live model), /metrics answers a local scraper only, and the host stops cleanly.
/// </summary>
[Category("Integration")]
[NonParallelizable]
public sealed class WorkerHostTests
{
    [Test]
    public async Task Build_HealthUrls_ServesLiveReadyAndLocalMetrics()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var data = Directory.CreateTempSubdirectory("blindspot-worker-").FullName;
        var models = Directory.CreateDirectory(Path.Combine(data, "models")).FullName;
        try
        {
            var url = $"http://127.0.0.1:{FreePort()}";
            var parse = CommandLineApp.Build(TextWriter.Null).Parse(["worker", "--data", data, "--models", models, "--postgres-schema", database.Schema, "--worklist-schema", database.Schema, "--health-urls", url]);
            var settings = CliSettings.Load(CliConfiguration.Build(parse, new Hashtable { ["BLINDSPOT_POSTGRES"] = database.ConnectionString, ["BLINDSPOT_TELEMETRY__PROMETHEUS"] = "true" }));
            using var host = WorkerHost.Build(settings);
            await host.StartAsync();
            using var client = new HttpClient { BaseAddress = new Uri(url) };

            using var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
            using var unready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            Directory.CreateDirectory(Path.Combine(models, "household"));
            await File.WriteAllTextAsync(Path.Combine(models, "household", "live.json"), "{}");
            using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            using var metrics = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
            using var proxied = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative));
            proxied.Headers.Add("X-Forwarded-For", "203.0.113.1");
            using var throughProxy = await client.SendAsync(proxied);
            await host.StopAsync();

            Assert.Multiple(() =>
            {
                Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(unready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "no live model yet");
                Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK), "PostgreSQL up, data root writable, a live model");
                Assert.That(metrics.StatusCode, Is.EqualTo(HttpStatusCode.OK), "Telemetry:Prometheus is on");
                Assert.That(throughProxy.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "never to a request that came through the proxy");
            });
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
