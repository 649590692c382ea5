using BlindSpot.Testing;

namespace BlindSpot.Dispatch.Tests.Postgres;

/// <summary>
/// The README's test command on a machine without PostgreSQL or Chromium: the integration fixtures' set-ups end in
/// Assert.Ignore and NUnit still runs their tear-downs, which must then dispose only what was created.
/// </summary>
public sealed class IgnoredSetUpTearDownTests
{
    [Test]
    public async Task TearDowns_AfterIgnoredSetUp_DoNotThrow()
    {
        var (fixtures, failures) = await IgnoredSetUpTearDowns.RunAsync(typeof(IgnoredSetUpTearDownTests).Assembly);

        Assert.That(fixtures, Has.Count.GreaterThanOrEqualTo(1), "the integration fixtures with a tear-down were found");
        Assert.That(failures, Is.Empty);
    }
}
