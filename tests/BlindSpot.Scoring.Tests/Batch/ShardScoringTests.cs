using BlindSpot.Core.Stages;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Hashing;
using BlindSpot.Core.Runs;
using BlindSpot.Scoring.Batch;
using BlindSpot.Scoring.Registry;
using BlindSpot.Scoring.Tests.TestSupport;

namespace BlindSpot.Scoring.Tests.Batch;

/// <summary>
/// Sharded scoring (<see cref="ShardScorer"/> per part, <see cref="ShardReducer"/> over all) against the single-process
/// <see cref="ScoreJob"/> on the same trained lake: the score files must be the same bytes.
/// </summary>
[TestFixture]
internal sealed class ShardScoringTests
{
    private TrainedLake lake = null!;
    private ModelRegistry registry = null!;
    private Dictionary<Variant, string> single = null!;

    [OneTimeSetUp]
    public async Task TrainPromoteAndScoreInOneProcess()
    {
        lake = await TrainedLake.CreateAsync();
        registry = new ModelRegistry(lake.Models);
        foreach (var variant in VariantNames.All)
        {
            var trained = await lake.TrainAsync(variant);
            registry.Promote(variant, trained.Card.Version, SyntheticLake.SchemaHash, force: false, new FixedClock());
        }

        await new ScoreJob().RunAsync(lake.Root, TrainedLake.ValidQuarter, registry, new ScoreOptions(), CancellationToken.None);
        single = VariantNames.All.ToDictionary(v => v, v => FileHash.Sha256(lake.Root.Scores(TrainedLake.ValidQuarter, v)));
    }

    [OneTimeTearDown]
    public void DeleteLake() => lake.Dispose();

    private IReadOnlyList<string> Parts => ShardFiles.Parts(lake.Root, TrainedLake.ValidQuarter);

    private Task<bool> ScoreShard(string part, ScoreOptions? options = null) =>
        ShardScorer.ScoreAsync(lake.Root, TrainedLake.ValidQuarter, part, registry, options ?? new ScoreOptions(), CancellationToken.None);

    // Through the checkpoint, as the pipeline's reduce job runs it, whatever it decides: the stage records itself there.
    private async Task<ScoreResult> Reduce()
    {
        var checkpoint = new StageCheckpoint(new FixedClock());
        var decision = await checkpoint.DecideAsync(ScoreStage.FromShards(registry, new ScoreOptions(), new FixedClock()), lake.Root, TrainedLake.ValidQuarter);
        return (ScoreResult)(await checkpoint.RunAsync(decision)).Outcome!.Detail!;
    }

    private string ShardPath(string part) => ShardFiles.Shard(lake.Root, TrainedLake.ValidQuarter, part);

    [Test]
    public async Task ReduceAsync_AfterEveryShard_WritesScoreFilesByteIdenticalToSingleProcess()
    {
        Assert.That(Parts, Has.Count.GreaterThan(1), "the lake must have several parts for the test to mean anything");
        foreach (var variant in VariantNames.All)
        {
            File.Delete(lake.Root.Scores(TrainedLake.ValidQuarter, variant));
        }

        // Shards in reverse order, with one worker each and small blocks: neither order nor block size may show in the bytes.
        foreach (var part in Parts.Reverse())
        {
            await ScoreShard(part, new ScoreOptions { Workers = 1, BlockRows = 64 });
        }

        var result = await Reduce();

        Assert.That(result.Variants.Select(v => v.Variant), Is.EquivalentTo(VariantNames.All));
        Assert.That(VariantNames.All.ToDictionary(v => v, v => FileHash.Sha256(lake.Root.Scores(TrainedLake.ValidQuarter, v))), Is.EqualTo(single));
        var record = RunManifest.LoadOrCreate(lake.Root.RunManifest(TrainedLake.ValidQuarter), TrainedLake.ValidQuarter.ToString()).Find(StageNames.Score)!;
        Assert.That(record.State, Is.EqualTo(StageState.Completed));
        Assert.That(record.Inputs.Keys, Has.Some.StartsWith("models/household/"));
        Assert.That(record.Counts["household.shards"], Is.EqualTo(Parts.Count));
    }

    [Test]
    public async Task ScoreAsync_SameInputsAgain_IsSkippedAndFileUnchanged()
    {
        var part = Parts[0];
        await ScoreShard(part);
        var before = FileHash.Sha256(ShardPath(part));
        var written = File.GetLastWriteTimeUtc(ShardPath(part));

        var scored = await ScoreShard(part);

        Assert.That(scored, Is.False);
        Assert.That(FileHash.Sha256(ShardPath(part)), Is.EqualTo(before));
        Assert.That(File.GetLastWriteTimeUtc(ShardPath(part)), Is.EqualTo(written));
    }

    [Test]
    public async Task ScoreAsync_ShardDeletedAndScoredAgain_SameBytes()
    {
        var part = Parts[^1];
        await ScoreShard(part);
        var before = FileHash.Sha256(ShardPath(part));
        File.Delete(ShardPath(part));

        var scored = await ScoreShard(part);

        Assert.That(scored, Is.True);
        Assert.That(FileHash.Sha256(ShardPath(part)), Is.EqualTo(before));
    }

    [Test]
    public async Task ScoreAsync_TruncatedShard_IsScoredAgain()
    {
        var part = Parts[0];
        await ScoreShard(part);
        var before = FileHash.Sha256(ShardPath(part));
        await using (var stream = new FileStream(ShardPath(part), FileMode.Open))
        {
            stream.SetLength(stream.Length / 2);
        }

        Assert.That(await ScoreShard(part), Is.True, "a half-written shard is not current");
        Assert.That(FileHash.Sha256(ShardPath(part)), Is.EqualTo(before));
    }

    [Test]
    public async Task ReduceAsync_ShardMissing_FailsNamingTheShardAndRecordsTheFailure()
    {
        foreach (var part in Parts)
        {
            await ScoreShard(part);
        }

        var missing = ShardPath(Parts[1]);
        File.Move(missing, missing + ".away");
        try
        {
            Assert.That(Reduce, Throws.TypeOf<FileNotFoundException>().With.Message.Contains(Parts[1]));
            var record = RunManifest.LoadOrCreate(lake.Root.RunManifest(TrainedLake.ValidQuarter), TrainedLake.ValidQuarter.ToString()).Find(StageNames.Score)!;
            Assert.That(record.State, Is.EqualTo(StageState.Failed));
        }
        finally
        {
            File.Move(missing + ".away", missing);
        }
    }

    [Test]
    public async Task ReduceAsync_ShardOfOtherInputs_FailsNamingTheShard()
    {
        foreach (var part in Parts)
        {
            await ScoreShard(part);
        }

        // A shard written with another margin has another candidate limit, so another key.
        var stale = Parts[0];
        await ScoreShard(stale, new ScoreOptions { Margin = 2 });
        try
        {
            Assert.That(Reduce, Throws.TypeOf<InvalidDataException>().With.Message.Contains(stale).And.Message.Contains("other inputs"));
        }
        finally
        {
            await ScoreShard(stale);
        }
    }
}
