namespace BlindSpot.Cli.Tests;

public sealed class CommandLineAppTests
{
    [Test]
    public async Task UnknownVerb_ExitsTwoWithOneLineError()
    {
        var run = await CliRun.Of("frobnicate");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.StartWith("error: ").And.Contain("frobnicate"));
    }

    [Test]
    public async Task Help_ListsTheVerbs()
    {
        var run = await CliRun.Of("--help");

        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Output, Does.Contain("catalog"));
    }

    [Test]
    public async Task UnknownOption_ExitsTwo()
    {
        var run = await CliRun.Of("catalog", "check", "--no-such-option");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--no-such-option").And.Contain("catalog check --help"));
    }
}
