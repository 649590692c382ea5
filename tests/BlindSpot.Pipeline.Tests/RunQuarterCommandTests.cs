using BlindSpot.Pipeline.Tests.TestSupport;

namespace BlindSpot.Pipeline.Tests;

/// <summary>The run-quarter and runs verbs, as an analyst types them; a rerun skips everything and changes no byte.</summary>
[NonParallelizable]
public sealed class RunQuarterCommandTests
{
    private static readonly string[] Outputs = ["lake", "roster", "quarantine", "features", "scores", "worklists", "outcomes", "runs"];

    [Test]
    public async Task RunQuarter_Twice_SecondRunSkipsEveryStageAndOutputsAreByteIdentical()
    {
        var root = await SampleRoot.CopyAsync();

        var first = await CliRun.MustAsync("run-quarter", SampleRoot.Quarter, "--data", root, "--models", SampleRoot.Models);
        var before = SampleRoot.Hashes(root, Outputs);
        var second = await CliRun.MustAsync("run-quarter", SampleRoot.Quarter, "--data", root, "--models", SampleRoot.Models);
        var after = SampleRoot.Hashes(root, Outputs);

        Assert.Multiple(() =>
        {
            Assert.That(first, Does.Contain("score 2026Q3: completed").And.Contain($"worklists:    {Path.Combine(root, "worklists", SampleRoot.Quarter)}"));
            foreach (var stage in PipelineStages.Order)
            {
                Assert.That(second, Does.Contain($"{stage} 2026Q3: skipped"));
            }

            Assert.That(after, Is.EqualTo(before));
        });
    }

    [Test]
    public async Task RunsShow_AfterRun_ListsEveryStageWithCounts()
    {
        var (root, _) = await SampleRoot.CompletedRunAsync();

        var show = await CliRun.MustAsync("runs", "show", SampleRoot.Quarter, "--data", root);
        var list = await CliRun.MustAsync("runs", "list", "--data", root);

        Assert.Multiple(() =>
        {
            Assert.That(show, Does.Match(@"dispatch\s+completed").And.Contain("entries").And.Contain("report: "));
            Assert.That(list, Does.Contain("2026Q3  ingest completed, features completed, score completed, dispatch completed, discovery-index completed, report completed"));
        });
    }

    [Test]
    public async Task RunsShow_QuarterNeverRun_ExitsOneWithMessage()
    {
        var root = await SampleRoot.CopyAsync();

        var (exit, output) = await CliRun.RunAsync("runs", "show", "2024Q1", "--data", root);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(output, Does.Contain("No run of 2024Q1"));
    }

    [Test]
    public async Task Worker_WithoutPostgres_ExitsTwoSayingWhy()
    {
        var saved = Environment.GetEnvironmentVariable("BLINDSPOT_POSTGRES");
        Environment.SetEnvironmentVariable("BLINDSPOT_POSTGRES", null);
        try
        {
            var (exit, output) = await CliRun.RunAsync("worker", "--data", SampleRoot.Scratch);
            // A missing required setting is a bad argument, exit 2 (issue 15; it used to exit 1).
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(output, Does.Contain("worker needs PostgreSQL job storage"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("BLINDSPOT_POSTGRES", saved);
        }
    }
}
