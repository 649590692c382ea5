using BlindSpot.Core.Runs;
using BlindSpot.Pipeline.Runs;
using BlindSpot.Pipeline.Tests.TestSupport;

namespace BlindSpot.Pipeline.Tests;

/// <summary>
/// The chain with scoring sharded by 시도 (one job per part on the shards queue, then the reduce), here in memory with a
/// single worker: the reduce must wait for the shards without holding the only worker, and give the same bytes.
/// </summary>
[NonParallelizable]
public sealed class ShardedRunTests
{
    private static readonly string[] Outputs = ["scores", "worklists", "outcomes/2026Q3"];

    [Test]
    public async Task Run_ScoreSharded_OutputsIdenticalToSingleProcessScoring()
    {
        var (reference, _) = await SampleRoot.CompletedRunAsync();
        var root = await SampleRoot.CopyAsync();
        await using var pipeline = new TestPipeline(root, SampleRoot.Models, scoreShards: true);

        var (outcome, progress) = await pipeline.RunAsync(SampleRoot.Quarter);

        Assert.That(outcome.Succeeded, Is.True, outcome.Error);
        var parts = Core.Partitioning.TableFiles.InFolder(Path.Combine(root, "features", SampleRoot.Quarter)).Select(f => Core.Contracts.BucketLayout.BucketFolderName(f.Bucket));
        var shards = Directory.GetFiles(Path.Combine(root, "scores", SampleRoot.Quarter, "shards")).Select(Path.GetFileNameWithoutExtension);
        var expected = SampleRoot.Hashes(reference, Outputs);
        Assert.Multiple(() =>
        {
            Assert.That(shards, Is.EquivalentTo(parts), "one shard per features bucket");
            Assert.That(expected.Keys, Has.Some.StartWith("scores").And.Some.StartWith("worklists"));
            Assert.That(SampleRoot.Hashes(root, Outputs), Is.EqualTo(expected));
            Assert.That(RunManifest.LoadOrCreate(Path.Combine(root, "runs", SampleRoot.Quarter, "manifest.json"), SampleRoot.Quarter).Find(PipelineStages.Score)!.Counts["household.shards"], Is.EqualTo(parts.Count()));
            // The reduce reschedules itself while it waits; the follower shows that as one running stage, not a flicker.
            Assert.That(progress.Where(p => p.Stage == PipelineStages.Score).Select(p => p.Status), Is.EqualTo(new[] { StageStatus.Waiting, StageStatus.Running, StageStatus.Completed }).Or.EqualTo(new[] { StageStatus.Waiting, StageStatus.Queued, StageStatus.Running, StageStatus.Completed }));
        });
    }

    [Test]
    public async Task Run_ScoreShardedTwice_SecondRunSkipsScoringAndKeepsShards()
    {
        var root = await SampleRoot.CopyAsync();
        await using var pipeline = new TestPipeline(root, SampleRoot.Models, scoreShards: true);
        var (first, _) = await pipeline.RunAsync(SampleRoot.Quarter);
        Assert.That(first.Succeeded, Is.True, first.Error);
        var shards = Path.Combine(root, "scores", SampleRoot.Quarter, "shards");
        var written = Directory.GetFiles(shards).ToDictionary(f => f, File.GetLastWriteTimeUtc);

        var (second, progress) = await pipeline.RunAsync(SampleRoot.Quarter);

        Assert.That(second.Succeeded, Is.True, second.Error);
        Assert.That(TestPipeline.Final(progress)[PipelineStages.Score], Is.EqualTo(StageStatus.Skipped));
        Assert.That(Directory.GetFiles(shards).ToDictionary(f => f, File.GetLastWriteTimeUtc), Is.EqualTo(written), "every shard's key was unchanged, so none was written again");
    }

    [Test]
    public async Task Run_ShardsFail_ScoreStageFailsWithTheShardsReasonAndLaterStagesAreCancelled()
    {
        var root = await SampleRoot.CopyAsync();
        var models = await SampleRoot.CopyModelsAsync();
        foreach (var file in Directory.GetFiles(models, "live.json", SearchOption.AllDirectories))
        {
            File.Delete(file);
        }

        await using var pipeline = new TestPipeline(root, models, scoreShards: true);
        var (failed, progress) = await pipeline.RunAsync(SampleRoot.Quarter);

        var record = RunManifest.LoadOrCreate(Path.Combine(root, "runs", SampleRoot.Quarter, "manifest.json"), SampleRoot.Quarter).Find(PipelineStages.Score)!;
        Assert.Multiple(() =>
        {
            Assert.That(failed.Succeeded, Is.False);
            Assert.That(failed.FailedStage, Is.EqualTo(PipelineStages.Score));
            Assert.That(failed.Error, Does.Contain("shard").And.Contain("live model"));
            Assert.That(record.State, Is.EqualTo(StageState.Failed));
            Assert.That(TestPipeline.Final(progress)[PipelineStages.Dispatch], Is.EqualTo(StageStatus.Cancelled));
        });
    }
}
