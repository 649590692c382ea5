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
}
