using BlindSpot.Cli;
using BlindSpot.Cli.Commands;
using Microsoft.Extensions.Logging;

namespace BlindSpot.Pipeline.Tests.Logging;

/// <summary>Where the pipeline verbs' log level comes from: the option, else the environment, else the verb's default.</summary>
[NonParallelizable]
public sealed class CliLoggingTests
{
    private string? saved;

    [SetUp]
    public void Save() => saved = Environment.GetEnvironmentVariable(CliLogging.LevelVariable);

    [TearDown]
    public void Restore() => Environment.SetEnvironmentVariable(CliLogging.LevelVariable, saved);

    [Test]
    public void Resolve_OptionAndVariable_OptionWins()
    {
        Environment.SetEnvironmentVariable(CliLogging.LevelVariable, "Debug");

        Assert.Multiple(() =>
        {
            Assert.That(CliLogging.Resolve(LogLevel.Error, LogLevel.Warning), Is.EqualTo(LogLevel.Error));
            Assert.That(CliLogging.Resolve(null, LogLevel.Warning), Is.EqualTo(LogLevel.Debug));
        });
    }

    [Test]
    public void Resolve_NothingGiven_VerbDefault()
    {
        Environment.SetEnvironmentVariable(CliLogging.LevelVariable, null);

        Assert.That(CliLogging.Resolve(null, LogLevel.Warning), Is.EqualTo(LogLevel.Warning));
    }

    [Test]
    public void Resolve_BadVariable_NamesItAndTheLevels()
    {
        Environment.SetEnvironmentVariable(CliLogging.LevelVariable, "loud");

        var error = Assert.Throws<BadArgumentsException>(() => CliLogging.Resolve(null, LogLevel.Warning));

        Assert.That(error!.Message, Is.EqualTo("BLINDSPOT_LOG_LEVEL='loud' is not a log level; use Trace, Debug, Information, Warning, Error, Critical or None."));
    }
}
