using BlindSpot.Scoring.Tests.TestSupport;

namespace BlindSpot.Scoring.Tests.Cli;

/// <summary>The exit-code contract of train, models, score and evaluate: 0 done, 1 failed with a one-line reason, 2 bad arguments.</summary>
[TestFixture]
internal sealed class ModelVerbsTests
{
    private TrainedLake lake = null!;

    [OneTimeSetUp]
    public async Task CreateLake() => lake = await TrainedLake.CreateAsync();

    [OneTimeTearDown]
    public void DeleteLake() => lake.Dispose();

    private string[] Common => ["--data", lake.Root.Path, "--models", lake.Models];

    [Test]
    public async Task Train_UnknownVariant_ExitsTwoAndNamesTheVariants()
    {
        var run = await CliRun.Of(["train", "--variant", "elderly", "--train", "2025Q3..2026Q1", "--valid", "2026Q2", .. Common]);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("household, child or lonely_death"));
    }

    [Test]
    public async Task Train_BackwardsRange_ExitsTwo()
    {
        var run = await CliRun.Of(["train", "--variant", "child", "--train", "2026Q1..2025Q3", "--valid", "2026Q2", .. Common]);

        Assert.That(run.ExitCode, Is.EqualTo(2));
    }

    [Test]
    public async Task Train_MissingLabels_ExitsOneWithTheMissingFile()
    {
        var run = await CliRun.Of(["train", "--variant", "child", "--train", "2024Q1", "--valid", "2026Q2", .. Common]);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("2024Q1"));
    }

    [Test]
    public async Task Train_ValidQuarterWithFeaturesButNoLabels_SaysToImportOutcomes()
    {
        var labels = lake.Root.Labels(TrainedLake.ValidQuarter);
        var aside = labels + ".aside";
        File.Move(labels, aside);
        try
        {
            var run = await CliRun.Of(["train", "--variant", "child", "--train", "2025Q3..2026Q1", "--valid", "2026Q2", .. Common]);

            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Error, Does.Contain("no labels for 2026Q2").And.Contain("blindspot outcomes import <file> --quarter 2026Q2"));
        }
        finally
        {
            File.Move(aside, labels);
        }
    }

    [Test]
    public async Task TrainThenPromote_Synthetic_ExitsZeroAndListMarksTheLiveModel()
    {
        // The synthetic lake records only the generic "supported"; child's default counts only named kinds, so: any.
        var train = await CliRun.Of(["train", "--variant", "child", "--train", "2025Q3..2026Q1", "--valid", "2026Q2", "--trees", "20", "--leaves", "8", "--positive-kinds", "any", .. Common]);
        Assert.That(train.ExitCode, Is.EqualTo(0), train.Error);
        var version = train.Output.Split(' ')[1].TrimEnd(':');

        var promote = await CliRun.Of(["models", "promote", version, .. Common]);
        var list = await CliRun.Of(["models", "list", "--variant", "child", .. Common]);

        Assert.That(promote.ExitCode, Is.EqualTo(0), promote.Error);
        Assert.That(list.Output, Does.Contain("* " + version));
    }

    [Test]
    public async Task Promote_MalformedModelName_ExitsTwo()
    {
        var run = await CliRun.Of(["models", "promote", "household", .. Common]);

        // A malformed model name is a bad argument (issue 15); it used to exit 1.
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("<variant>/<version>"));
    }

    [Test]
    public async Task Score_NoLiveModel_ExitsOneSayingWhatToDo()
    {
        var run = await CliRun.Of(["score", "2026Q2", "--data", lake.Root.Path, "--models", Path.Combine(lake.Folder, "empty-models")]);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("models promote"));
    }

    [Test]
    public async Task Score_BadQuarter_ExitsTwo()
    {
        var run = await CliRun.Of(["score", "2026Q5", .. Common]);

        Assert.That(run.ExitCode, Is.EqualTo(2));
    }
}
