using BlindSpot.Pipeline.Health;
using BlindSpot.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BlindSpot.Pipeline.Tests.Health;

/// <summary>The readiness checks one by one: each says unready for exactly what it watches, and never shows a secret.</summary>
public sealed class ReadinessChecksTests
{
    private string folder = "";

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("blindspot-ready-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task DataRoot_Missing_Unhealthy()
    {
        var result = await new DataRootHealthCheck(new ReadinessTargets(Path.Combine(folder, "gone"), folder, null)).CheckHealthAsync(new HealthCheckContext());

        Assert.That(result.Status, Is.EqualTo(HealthStatus.Unhealthy));
    }

    [Test]
    public async Task DataRoot_Writable_HealthyAndLeavesNoFile()
    {
        var result = await new DataRootHealthCheck(new ReadinessTargets(folder, folder, null)).CheckHealthAsync(new HealthCheckContext());

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(HealthStatus.Healthy));
            Assert.That(Directory.EnumerateFileSystemEntries(folder), Is.Empty);
        });
    }

    [Test]
    public async Task Models_OneLiveVariant_Healthy()
    {
        Directory.CreateDirectory(Path.Combine(folder, "household"));
        var before = await new ModelsHealthCheck(new ReadinessTargets(folder, folder, null)).CheckHealthAsync(new HealthCheckContext());
        await File.WriteAllTextAsync(Path.Combine(folder, "household", "live.json"), "{}");

        var after = await new ModelsHealthCheck(new ReadinessTargets(folder, folder, null)).CheckHealthAsync(new HealthCheckContext());

        Assert.Multiple(() =>
        {
            Assert.That(before.Status, Is.EqualTo(HealthStatus.Unhealthy), "a variant folder without live.json");
            Assert.That(after.Status, Is.EqualTo(HealthStatus.Healthy));
        });
    }

    [Test]
    public async Task Postgres_Down_UnhealthyWithoutTheConnectionString()
    {
        var result = await new PostgresHealthCheck(new ReadinessTargets(folder, folder, "Host=127.0.0.1;Port=1;Username=someone;Password=hunter2;Timeout=2")).CheckHealthAsync(new HealthCheckContext());

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(HealthStatus.Unhealthy));
            Assert.That(result.Description, Does.Not.Contain("hunter2").And.Not.Contain("someone"));
        });
    }

    [Test]
    public async Task Postgres_NotConfigured_HealthyWithoutAsking()
    {
        var result = await new PostgresHealthCheck(new ReadinessTargets(folder, folder, null)).CheckHealthAsync(new HealthCheckContext());

        Assert.That(result.Status, Is.EqualTo(HealthStatus.Healthy));
    }

    [Test]
    [Category("Integration")]
    public async Task Postgres_Up_Healthy()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();

        var result = await new PostgresHealthCheck(new ReadinessTargets(folder, folder, database.ConnectionString)).CheckHealthAsync(new HealthCheckContext());

        Assert.That(result.Status, Is.EqualTo(HealthStatus.Healthy));
    }
}
