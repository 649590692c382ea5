namespace BlindSpot.Cli.Tests.Commands;

/// <summary>dispatch on the sample key: the sample-key warning belongs to the commands that write pseudonyms, once per run.</summary>
public sealed class DispatchCommandTests
{
    [Test]
    public async Task Dispatch_SampleKey_PrintsNoSampleKeyWarning()
    {
        Assume.That(Environment.GetEnvironmentVariable("BLINDSPOT_PSEUDONYM_KEY"), Is.Null, "the warning only shows with the sample key");
        var data = Directory.CreateTempSubdirectory("blindspot-dispatch-").FullName;
        try
        {
            // Nothing to dispatch: it fails on the missing scores, after the point where it used to warn.
            var run = await CliRun.Of("dispatch", "2026Q3", "--data", data);

            Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
            Assert.That(run.Output + run.Error, Does.Not.Contain("SAMPLE key"));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [TestCase("dispatch", "2026-13-01", "--dispatch-date must be a date as yyyy-MM-dd", TestName = "Dispatch_DispatchDateNotADate_Exits2NamingTheOption")]
    [TestCase("dispatch", "2026-09-01", "Dispatch:DispatchDate must be 2026-09-30–2026-12-31", TestName = "Dispatch_DispatchDateBeforeTheQuarterEnds_Exits2NamingTheKey")]
    [TestCase("run-quarter", "2026-09-01", "Dispatch:DispatchDate must be 2026-09-30–2026-12-31", TestName = "RunQuarter_DispatchDateBeforeTheQuarterEnds_Exits2NamingTheKey")]
    public async Task Verb_BadDispatchDate_Exits2NamingIt(string verb, string date, string message)
    {
        var data = Directory.CreateTempSubdirectory("blindspot-dispatch-").FullName;
        try
        {
            var run = await CliRun.Of(verb, "2026Q3", "--data", data, "--dispatch-date", date);

            Assert.That(run.ExitCode, Is.EqualTo(2), run.Output + run.Error);
            Assert.That(run.Error, Does.Contain(message));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
