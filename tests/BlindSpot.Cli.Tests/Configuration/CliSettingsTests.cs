using System.Collections;
using BlindSpot.Cli.Configuration;

namespace BlindSpot.Cli.Tests.Configuration;

/// <summary>
/// The one configuration stack: appsettings.json &lt; appsettings.{Environment}.json &lt; BLINDSPOT_* variables &lt; options,
/// bound to typed settings whose errors name the key and never a secret's value.
/// </summary>
public sealed partial class CliSettingsTests
{
    private string folder = "";

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("blindspot-config-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Of_FileEnvironmentAndOption_OptionWinsOverEnvironmentOverFile()
    {
        var file = Write("appsettings.json", """{ "Data": "/from/file", "Postgres": "Host=file", "Pipeline": { "WorkerCount": 3, "Cron": "0 1 * * *" } }""");
        var environment = new Hashtable { ["BLINDSPOT_DATA"] = "/from/env", ["BLINDSPOT_PIPELINE__WORKER_COUNT"] = "5", ["BLINDSPOT_POSTGRES"] = "Host=env" };

        var settings = Load(environment, "worker", "--config", file, "--workers", "7");
        var pipeline = settings.Pipeline();

        Assert.Multiple(() =>
        {
            Assert.That(settings.Root.Data, Is.EqualTo("/from/env"), "environment over file");
            Assert.That(settings.Postgres, Is.EqualTo("Host=env"), "BLINDSPOT_POSTGRES is the Postgres key");
            Assert.That(pipeline.WorkerCount, Is.EqualTo(7), "option over environment over file");
            Assert.That(pipeline.Cron, Is.EqualTo("0 1 * * *"), "the file's value where nothing overrides it");
        });
    }

    [Test]
    public void Of_InvisibilityTimeoutInMinutes_IsTheTimeSpanKey()
    {
        var settings = Load(new Hashtable(), "worker", "--invisibility-timeout", "1");

        Assert.That(settings.Pipeline().InvisibilityTimeout, Is.EqualTo(TimeSpan.FromMinutes(1)));
    }

    [Test]
    public void Of_OptionLeftOut_ItsHelpDefaultDoesNotHideTheFile()
    {
        var file = Write("appsettings.json", """{ "Data": "/from/file", "Pipeline": { "WorkerCount": 3 } }""");

        var settings = Load(new Hashtable(), "worker", "--config", file);

        Assert.Multiple(() =>
        {
            Assert.That(settings.Root.Data, Is.EqualTo("/from/file"));
            Assert.That(settings.Pipeline().WorkerCount, Is.EqualTo(3));
        });
    }

    [Test]
    public void Of_EnvironmentFile_OverridesTheBaseFile()
    {
        var file = Write("appsettings.json", """{ "Data": "/base", "LogLevel": "Warning" }""");
        Write("appsettings.Staging.json", """{ "Data": "/staging" }""");

        var settings = Load(new Hashtable { [CliConfiguration.EnvironmentVariable] = "Staging" }, "runs", "list", "--config", file);

        Assert.Multiple(() =>
        {
            Assert.That(settings.Root.Data, Is.EqualTo("/staging"));
            Assert.That(settings.Root.LogLevel, Is.EqualTo("Warning"));
        });
    }

    [Test]
    public void Of_ListOption_SplitsCommasIntoTheList()
    {
        var settings = Load(new Hashtable(), "serve", "--known-proxies", "10.0.0.1,10.0.0.0/8");

        Assert.That(settings.Portal().KnownProxies, Is.EqualTo(new[] { "10.0.0.1", "10.0.0.0/8" }));
    }

    [Test]
    public void Of_ListOptionOverAFilesLongerList_ReplacesTheWholeList()
    {
        var file = Write("appsettings.json", """{ "Portal": { "KnownProxies": [ "10.0.0.1", "10.0.0.2", "10.0.0.3" ] } }""");

        var settings = Load(new Hashtable(), "serve", "--config", file, "--known-proxies", "192.0.2.1");

        Assert.That(settings.Portal().KnownProxies, Is.EqualTo(new[] { "192.0.2.1" }), "an option replaces a list; it does not overwrite its first items");
    }

    [Test]
    public void Of_PseudonymKeyVariable_IsTheKeyAndNeverShown()
    {
        const string key = "a-secret-key-of-at-least-32-bytes-long!";

        var settings = Load(new Hashtable { ["BLINDSPOT_PSEUDONYM_KEY"] = key }, "runs", "list");

        Assert.Multiple(() =>
        {
            Assert.That(settings.Root.Pseudonymizer(allowSampleKey: false).IsSampleKey, Is.False);
            Assert.That(settings.Root.ToString(), Does.Not.Contain(key).And.Contain("PseudonymKey=(set)"));
        });
    }

    [Test]
    public void Of_BadValueInFile_NamesTheKey()
    {
        var file = Write("appsettings.json", """{ "Pipeline": { "WorkerCount": 40 } }""");

        var error = Assert.Throws<SettingsException>(() => Load(new Hashtable(), "worker", "--config", file).Pipeline());

        Assert.That(error!.Message, Is.EqualTo("configuration: Pipeline:WorkerCount must be 1–16; it is 40."));
    }

    [Test]
    public void Of_BucketsFromEnvironment_ReachTheSettingsAndThePipeline()
    {
        var settings = Load(new Hashtable { ["BLINDSPOT_PARTITIONING__BUCKETS"] = "7" }, "worker");

        Assert.Multiple(() =>
        {
            Assert.That(settings.Root.Partitioning.Buckets, Is.EqualTo(7));
            Assert.That(settings.Pipeline().Buckets, Is.EqualTo(7));
            Assert.That(Load(new Hashtable(), "worker").Pipeline().Buckets, Is.Null, "unset: the default from the roster's size");
        });
    }

    [Test]
    public void Of_ZeroBuckets_NamesTheKey()
    {
        var file = Write("appsettings.json", """{ "Partitioning": { "Buckets": 0 } }""");

        var error = Assert.Throws<SettingsException>(() => Load(new Hashtable(), "worker", "--config", file));

        Assert.That(error!.Message, Is.EqualTo("configuration: Partitioning:Buckets must be 1–999; it is 0."));
    }

    [Test]
    public void Of_UnconvertibleValue_NamesTheKey()
    {
        var error = Assert.Throws<SettingsException>(() => Load(new Hashtable { ["BLINDSPOT_PIPELINE__WORKER_COUNT"] = "many" }, "worker").Pipeline());

        Assert.That(error!.Message, Does.Contain("Pipeline:WorkerCount"));
    }

    [Test]
    public void Of_MisspelledKey_NamesIt()
    {
        var file = Write("appsettings.json", """{ "Pipeline": { "WorkerCont": 2 } }""");

        var error = Assert.Throws<SettingsException>(() => Load(new Hashtable(), "worker", "--config", file).Pipeline());

        Assert.That(error!.Message, Does.Contain("'WorkerCont'").And.Contain("Pipeline"));
    }

    [Test]
    public void Of_ShortPseudonymKey_NamesTheKeyButNotTheValue()
    {
        var error = Assert.Throws<SettingsException>(() => Load(new Hashtable { ["BLINDSPOT_PSEUDONYM_KEY"] = "short-secret" }, "runs", "list"));

        Assert.That(error!.Message, Does.Contain("PseudonymKey must be at least 32 bytes").And.Not.Contain("short-secret"));
    }

    [Test]
    public void Of_BadConnectionString_NamesTheKeyButNotTheValue()
    {
        var error = Assert.Throws<SettingsException>(() => Load(new Hashtable { ["BLINDSPOT_POSTGRES"] = "Host=db;Passwrd=hunter2" }, "runs", "list"));

        Assert.That(error!.Message, Does.StartWith("configuration: Postgres is not an Npgsql connection string").And.Not.Contain("hunter2"));
    }

    [Test]
    public void Of_BadLogLevel_NamesTheKeyAndTheLevels()
    {
        var error = Assert.Throws<SettingsException>(() => Load(new Hashtable { ["BLINDSPOT_LOG_LEVEL"] = "loud" }, "runs", "list").Root.ResolvedLogLevel(Microsoft.Extensions.Logging.LogLevel.Warning));

        Assert.That(error!.Message, Does.Contain("LogLevel='loud' is not a log level; use Trace, Debug, Information, Warning, Error, Critical or None"));
    }

    [Test]
    public async Task RunAsync_BadConfigFile_ExitsTwoNamingTheKey()
    {
        var file = Write("appsettings.json", """{ "Telemetry": { "Exporter": "carrier-pigeon" } }""");

        var run = await CliRun.Of("runs", "list", "--config", file);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadArguments));
            Assert.That(run.Error, Is.EqualTo("error: configuration: Telemetry:Exporter must be none, console or otlp; it is 'carrier-pigeon'." + Environment.NewLine));
        });
    }

    [Test]
    public async Task RunAsync_MissingConfigFile_ExitsTwoNamingIt()
    {
        var run = await CliRun.Of("runs", "list", "--config", Path.Combine(folder, "nowhere.json"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadArguments));
            Assert.That(run.Error, Does.Contain("--config").And.Contain("nowhere.json does not exist"));
        });
    }

    private static CliSettings Load(IDictionary environment, params string[] args)
    {
        var parse = CommandLineApp.Build(TextWriter.Null).Parse(args);
        Assert.That(parse.Errors, Is.Empty, string.Join("; ", parse.Errors.Select(e => e.Message)));
        return CliSettings.Load(CliConfiguration.Build(parse, environment));
    }

    private string Write(string name, string json)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, json);
        return path;
    }
}
