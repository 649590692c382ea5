using BlindSpot.Core.Runs;

namespace BlindSpot.Cli.Tests.Commands;

/// <summary><c>runs list</c>: the quarters that were run, apart from those only ingested as a later run's previous quarter.</summary>
public sealed class RunsCommandTests
{
    private static readonly DateTimeOffset Started = new(2026, 10, 1, 2, 0, 0, TimeSpan.Zero);

    private string data = null!;

    [SetUp]
    public void CreateDataRoot() => data = Directory.CreateTempSubdirectory("blindspot-runs-").FullName;

    [TearDown]
    public void DeleteDataRoot() => Directory.Delete(data, recursive: true);

    [Test]
    public async Task List_PreviousQuarterOnlyIngested_IsListedApartFromTheRuns()
    {
        Save("2026Q2", "ingest");
        Save("2026Q3", "ingest", "features", "score", "dispatch", "discovery-index", "report");

        var run = await CliRun.Of("runs", "list", "--data", data);

        var lines = run.Output.TrimEnd().Split('\n');
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(lines[0], Does.StartWith("2026Q3  ingest completed, features completed, score completed, dispatch completed, discovery-index completed, report completed"));
        Assert.That(lines.Skip(1).SkipWhile(l => !l.StartsWith("Ingested only", StringComparison.Ordinal)).Skip(1).First(), Does.StartWith("2026Q2  ingest completed"));
        Assert.That(run.Output, Does.Not.Contain("2026Q2  ingest completed, features -"));
    }

    [Test]
    public async Task List_DefaultRootEmptyButSampleCopyHasRuns_PointsAtTheSampleCopy()
    {
        var sample = Path.Combine(data, "sample");
        SaveIn(sample, "2026Q3", "ingest", "features", "score", "dispatch", "report");

        var run = await CliRun.Of("runs", "list", "--data", data);

        Assert.That(run.Output, Does.Contain($"add --data {sample}"));
    }

    private void Save(string quarter, params string[] stages) => SaveIn(data, quarter, stages);

    private static void SaveIn(string root, string quarter, params string[] stages)
    {
        var manifest = new RunManifest { Quarter = quarter };
        foreach (var stage in stages)
        {
            manifest = manifest.With(new StageRecord { Stage = stage, State = StageState.Completed, StartedAt = Started, FinishedAt = Started.AddMinutes(1) });
        }

        manifest.Save(Path.Combine(root, "runs", quarter, "manifest.json"));
    }
}
