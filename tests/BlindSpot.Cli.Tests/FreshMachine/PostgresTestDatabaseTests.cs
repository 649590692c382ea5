using BlindSpot.Testing;

namespace BlindSpot.Cli.Tests.FreshMachine;

/// <summary>
/// The README's test command on a machine without PostgreSQL: every PostgreSQL fixture must end as skipped with the
/// reason, never failed, and its tear-down must not trip over what set-up never created.
/// </summary>
[NonParallelizable]
public sealed class PostgresTestDatabaseTests
{
    // A loopback port nothing listens on: connecting fails at once, as on a fresh machine.
    private const string ClosedPort = "Host=127.0.0.1;Port=5999;Username=blindspot;Password=blindspot;Database=blindspot_test;Timeout=5";

    private string? savedConnection;
    private string? savedCi;

    [SetUp]
    public void PointAtAClosedPort()
    {
        savedConnection = Environment.GetEnvironmentVariable(PostgresTestDatabase.Variable);
        savedCi = Environment.GetEnvironmentVariable("CI");
        Environment.SetEnvironmentVariable(PostgresTestDatabase.Variable, ClosedPort);
        Environment.SetEnvironmentVariable("CI", null);
    }

    [TearDown]
    public void Restore()
    {
        Environment.SetEnvironmentVariable(PostgresTestDatabase.Variable, savedConnection);
        Environment.SetEnvironmentVariable("CI", savedCi);
    }

    [Test]
    public void CreateAsync_NoServerOutsideCi_IgnoresWithTheReasonAndTheFix()
    {
        var ignored = Assert.ThrowsAsync<IgnoreException>(PostgresTestDatabase.CreateAsync);

        Assert.That(ignored.Message, Does.StartWith("No PostgreSQL at ").And.Contain("Port=5999").And.Contain("bash .ci/services.sh"));
        Assert.That(ignored.Message, Does.Not.Contain("Password"), "the connection string is shown without its password");
    }
}
