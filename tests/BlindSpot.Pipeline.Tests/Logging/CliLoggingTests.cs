using System.Collections;
using BlindSpot.Cli;
using BlindSpot.Cli.Configuration;
using Microsoft.Extensions.Logging;

namespace BlindSpot.Pipeline.Tests.Logging;

/// <summary>Where the pipeline verbs' log level comes from: the option, else the environment (the configuration's LogLevel), else the verb's default.</summary>
public sealed class CliLoggingTests
{
    [Test]
    public void Resolve_OptionAndVariable_OptionWins()
    {
        var environment = new Hashtable { ["BLINDSPOT_LOG_LEVEL"] = "Debug" };

        Assert.Multiple(() =>
        {
            Assert.That(Level(environment, "--log-level", "Error"), Is.EqualTo(LogLevel.Error));
            Assert.That(Level(environment), Is.EqualTo(LogLevel.Debug));
        });
    }

    [Test]
    public void Resolve_NothingGiven_VerbDefault() =>
        Assert.That(Level(new Hashtable()), Is.EqualTo(LogLevel.Warning));

    [Test]
    public void Resolve_BadVariable_NamesItAndTheLevels()
    {
        var error = Assert.Throws<SettingsException>(() => Level(new Hashtable { ["BLINDSPOT_LOG_LEVEL"] = "loud" }));

        Assert.That(error!.Message, Is.EqualTo("configuration: LogLevel='loud' is not a log level; use Trace, Debug, Information, Warning, Error, Critical or None (set by --log-level, BLINDSPOT_LOG_LEVEL or appsettings.json)."));
    }

    private static LogLevel Level(IDictionary environment, params string[] options)
    {
        var parse = CommandLineApp.Build(TextWriter.Null).Parse(["run-quarter", "2026Q3", .. options]);
        return CliSettings.Load(CliConfiguration.Build(parse, environment)).Root.ResolvedLogLevel(LogLevel.Warning);
    }
}
