namespace BlindSpot.Cli.Tests;

/// <summary>
/// Exit 2 for every bad argument, whichever verb and whichever way it is wrong (unknown value, malformed quarter or
/// model name, out-of-range number, contradicting options), always with one line naming the cause; never exit 1, which
/// means "it ran and failed". One case per verb at least.
/// </summary>
[NonParallelizable]
public sealed class BadArgumentsTests
{
    private string folder = null!;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("blindspot-bad-arguments-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [TestCase("catalog frobnicate", "frobnicate")]
    [TestCase("generate --people 0 --quarters 2026Q3 --seed 1 --out {0}/generated", "People")]
    [TestCase("ingest 2026-Q3 --data {0}", "write it without a separator, as 2026Q3")]
    [TestCase("features 1999Q1 --data {0}", "'1999Q1' is out of range: quarters run from 2000Q1 to 2099Q4")]
    [TestCase("dispatch 2026Q5 --data {0}", "the quarter number is 1–4")]
    [TestCase("outcomes import {0}/upload.csv --quarter Q3-2026 --data {0}", "write it as YYYYQn")]
    [TestCase("train --variant household --train 2025Q3..2026Q3 --valid 2026Q3 --data {0} --models {0}", "--valid 2026Q3 lies inside --train 2025Q3..2026Q3")]
    [TestCase("train --variant wizard --train 2025Q3..2026Q1 --valid 2026Q2 --data {0}", "'wizard' is not a variant")]
    [TestCase("train --variant household --train 2026Q1..2025Q3 --valid 2026Q2 --data {0}", "runs backwards")]
    [TestCase("train --variant household --train 2025Q3..2026Q1 --valid 2026Q2 --trees 0 --data {0} --models {0}", "--trees must be 1–5,000")]
    [TestCase("models promote household --data {0} --models {0}", "'household' is not a model name")]
    [TestCase("models show child --data {0} --models {0}", "'child' is not a model name")]
    [TestCase("models diff household/v1 wizard/v2 --data {0} --models {0}", "'wizard/v2' does not start with a variant")]
    [TestCase("models list --variant wizard --models {0}", "'wizard' is not a variant")]
    [TestCase("score 2026Q3 --margin 0 --data {0} --models {0}", "margin must be 1–10")]
    [TestCase("evaluate --model household --quarter 2026Q3 --data {0} --models {0}", "'household' is not a model name")]
    [TestCase("run-quarter 2026-Q3 --data {0}", "as 2026Q3")]
    [TestCase("runs show 2026Q0 --data {0}", "the quarter number is 1–4")]
    [TestCase("worker --postgres Host=127.0.0.1;Port=5999 --workers 0 --data {0} --models {0}", "--workers must be 1–16; it is 0")]
    [TestCase("serve --urls http://0.0.0.0:5080 --data {0}", "plain HTTP beyond loopback")]
    [TestCase("users add kim.officer --role wizard --data {0}", "wizard")]
    public async Task Verb_BadArgument_ExitsTwoWithOneLineNamingIt(string commandLine, string expected)
    {
        var run = await CliRun.Of(Arguments(commandLine));

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output + run.Error);
        Assert.That(run.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), run.Error);
        Assert.That(run.Error, Does.StartWith("error: ").And.Contain(expected).And.Contain("--help"));
    }

    [Test]
    public async Task Worker_NoPostgresInOptionOrEnvironment_ExitsTwo()
    {
        var saved = Environment.GetEnvironmentVariable("BLINDSPOT_POSTGRES");
        Environment.SetEnvironmentVariable("BLINDSPOT_POSTGRES", null);
        try
        {
            var run = await CliRun.Of("worker", "--data", folder, "--models", folder);

            Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
            Assert.That(run.Error, Does.Contain("worker needs PostgreSQL job storage"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("BLINDSPOT_POSTGRES", saved);
        }
    }

    [TestCase("LonelyDeath")]
    [TestCase("lonely_death")]
    [TestCase("lonely-death")]
    [TestCase("LONELY_DEATH")]
    public async Task ModelsList_VariantAsHelpOrCodeSpellsIt_IsAccepted(string spelling)
    {
        var run = await CliRun.Of("models", "list", "--variant", spelling, "--models", folder);

        Assert.That(run.ExitCode, Is.Zero, run.Error);
    }

    [Test]
    public async Task TrainHelp_ShowsTheVariantNamesTheCliAccepts()
    {
        var run = await CliRun.Of("train", "--help");

        Assert.That(run.Output, Does.Contain("household|child|lonely_death").And.Not.Contain("LonelyDeath>"));
    }

    [Test]
    public async Task RunsShow_LowerCaseQuarter_IsReadAsTheCanonicalQuarter()
    {
        var run = await CliRun.Of("runs", "show", "2026q3", "--data", folder);

        Assert.That(run.ExitCode, Is.EqualTo(1), "a valid quarter with no run is a failure, not a bad argument");
        Assert.That(run.Error, Does.Contain("No run of 2026Q3"));
    }

    private string[] Arguments(string commandLine) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, commandLine, folder).Split(' ');
}
