using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Runs;
using BlindSpot.Ingestion;
using BlindSpot.Pipeline.Runs;
using BlindSpot.Pipeline.Tests.TestSupport;

namespace BlindSpot.Pipeline.Tests.Partitioning;

/// <summary>
/// Ingest as part jobs under Hangfire (the roster part of 2026Q2 and 2026Q3, then one job per delivered feed of each,
/// then the reduce): the roster, lake and quarantine are the single-process ingest's, byte for byte, and the run manifest
/// records the stage with the same key and outputs; a rejected delivery fails the stage at once, naming the file.
/// </summary>
[NonParallelizable]
public sealed class IngestPartJobsTests
{
    private static readonly Quarter Q = Quarter.Parse(SampleRoot.Quarter);

    [TestCase(1)]
    [TestCase(7)]
    public async Task Run_IngestAsPartJobs_SameRosterLakeAndQuarantineAsSingleProcessIngest(int buckets)
    {
        var jobs = await SampleRoot.CopyAsync();
        var single = await SampleRoot.CopyAsync();
        await using var pipeline = new TestPipeline(jobs, SampleRoot.Models, scoreShards: true, buckets: buckets);

        var (outcome, _) = await pipeline.RunAsync(SampleRoot.Quarter);
        foreach (var quarter in new[] { Q.Previous, Q })
        {
            await new IngestJob(new IngestOptions { Quarter = quarter, DataRoot = single, Pseudonymizer = Pseudonymizer.ForSampleData(), Buckets = buckets }).RunAsync();
        }

        Assert.That(outcome.Succeeded, Is.True, outcome.Error);
        var plan = Plan(pipeline);
        var (viaJobs, alone) = (Record(jobs, Q), Record(single, Q));
        Assert.Multiple(() =>
        {
            Assert.That(plan.Jobs.Keys, Has.Member($"{Q.Previous}.{FeedCatalog.LoadDefault().Roster.Code}").And.Member($"{Q}.gas_arrears"), "the roster and feed parts of both quarters");
            Assert.That(plan.Phase, Is.EqualTo(1), "the feeds were the second phase");
            Assert.That(Hashes(jobs), Is.EqualTo(Hashes(single)).And.Count.GreaterThan(2 * buckets));
            // The quarter before's report is an input too, and holds durations: its name is the same, its hash is not.
            Assert.That(viaJobs.Inputs.Keys, Is.EqualTo(alone.Inputs.Keys), "the same stage key");
            Assert.That(viaJobs.Inputs.Where(i => !i.Key.EndsWith("ingest-report.json", StringComparison.Ordinal)), Is.EqualTo(alone.Inputs.Where(i => !i.Key.EndsWith("ingest-report.json", StringComparison.Ordinal))));
            Assert.That(viaJobs.Outputs.Keys, Is.EqualTo(alone.Outputs.Keys), "the same outputs");
            Assert.That(viaJobs.Counts, Is.EqualTo(alone.Counts), "the same reconciliation");
        });
    }

    [Test]
    public async Task Run_IngestAsPartJobs_RejectedDelivery_FailsTheStageNamingTheFile()
    {
        var root = await SampleRoot.CopyAsync();
        var feed = FeedCatalog.LoadDefault().GetFeed("water_arrears");
        var delivery = Directory.GetFiles(Path.Combine(root, "raw", SampleRoot.Quarter, feed.Source), feed.Code + ".csv*").Single();
        File.WriteAllBytes(delivery, []);
        await using var pipeline = new TestPipeline(root, SampleRoot.Models, scoreShards: true);

        var (outcome, progress) = await pipeline.RunAsync(SampleRoot.Quarter);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Succeeded, Is.False);
            Assert.That(outcome.FailedStage, Is.EqualTo(PipelineStages.Ingest));
            Assert.That(outcome.Error, Does.Contain(new DataRoot(root).Relative(delivery)));
            Assert.That(RunManifest.Load(new DataRoot(root), Q).Find(PipelineStages.Ingest)!.State, Is.EqualTo(StageState.Failed));
            Assert.That(progress.Where(p => p.Stage == PipelineStages.Features).Select(p => p.Status), Has.None.EqualTo(StageStatus.Running), "features never started");
        });
    }

    private static ShardPlan Plan(TestPipeline pipeline)
    {
        using var connection = pipeline.Storage.GetConnection();
        return ShardPlan.FromHash(connection.GetAllEntriesFromHash(ShardPlan.HashKey(PipelineStages.Ingest, Q)))!;
    }

    private static StageRecord Record(string root, Quarter quarter) => RunManifest.Load(new DataRoot(root), quarter).Find(PipelineStages.Ingest)!;

    // Relative path → SHA-256 of both quarters' roster, lake and quarantine files (not the ingest reports, which hold durations).
    private static SortedDictionary<string, string> Hashes(string root) => new(
        SampleRoot.Hashes(root, "roster", "lake", "quarantine").Where(h => !h.Key.EndsWith("ingest-report.json", StringComparison.Ordinal)).ToDictionary(),
        StringComparer.Ordinal);
}
