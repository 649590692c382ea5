using BlindSpot.Core.Catalog;
using BlindSpot.Scoring.Batch;
using BlindSpot.Scoring.Data;
using BlindSpot.Scoring.Metrics;
using BlindSpot.Scoring.Registry;
using BlindSpot.Scoring.Tests.TestSupport;
using Parquet;

namespace BlindSpot.Scoring.Tests.Batch;

/// <summary>
/// The streaming reduce (<see cref="ShardMerge"/>, <see cref="ShardCursor"/>) against an independent oracle: every
/// shard's rows read whole and sorted by <see cref="RankOrder"/>. The single-process scorer and the sharded reduce now
/// share the merge, so their byte equality (<see cref="ShardScoringTests"/>) cannot catch a fault in it; this can.
/// </summary>
[TestFixture]
internal sealed class ShardMergeTests
{
    private TrainedLake lake = null!;
    private ModelRegistry registry = null!;
    private List<LiveVariant> variants = null!;

    [OneTimeSetUp]
    public async Task TrainPromoteAndScoreEveryShard()
    {
        lake = await TrainedLake.CreateAsync();
        registry = new ModelRegistry(lake.Models);
        foreach (var variant in VariantNames.All)
        {
            var trained = await lake.TrainAsync(variant);
            registry.Promote(variant, trained.Card.Version, SyntheticLake.SchemaHash, force: false, new FixedClock());
        }

        foreach (var part in ShardFiles.Parts(lake.Root, TrainedLake.ValidQuarter))
        {
            await ShardScorer.ScoreAsync(lake.Root, TrainedLake.ValidQuarter, part, registry, new ScoreOptions(), CancellationToken.None);
        }

        await new ShardReducer().ReduceAsync(lake.Root, TrainedLake.ValidQuarter, registry, new ScoreOptions(), CancellationToken.None);
        variants = ScoreJob.LiveVariants(registry, FeatureBuild.Load(lake.Root, TrainedLake.ValidQuarter), new ScoreOptions());
    }

    [OneTimeTearDown]
    public void DeleteLake() => lake.Dispose();

    private List<ShardFile> OpenShards() =>
        [.. ShardFiles.Parts(lake.Root, TrainedLake.ValidQuarter).Select(part => ShardFiles.Shard(lake.Root, TrainedLake.ValidQuarter, part)).Select(path => ShardReader.Open(path, ShardReader.ReadKey(path)!, variants))];

    private static long[] WholeKeys(ShardFile shard, int v)
    {
        var keys = new long[shard.Variants[v].Rows];
        ShardReader.ReadAt(shard, shard.Variants[v].PersonKeysAt, keys.AsSpan());
        return keys;
    }

    private static float[] WholeScores(ShardFile shard, int v)
    {
        var scores = new float[shard.Variants[v].Rows];
        ShardReader.ReadAt(shard, shard.Variants[v].ScoresAt, scores.AsSpan());
        return scores;
    }

    // Chunks of 7 rows cross a chunk end every few rows; 1 refills on every row.
    [TestCase(1)]
    [TestCase(7)]
    public void Cursor_SmallChunks_YieldsTheShardsRowsInFileOrder(int chunkRows)
    {
        var shards = OpenShards();
        try
        {
            Assert.That(shards.Sum(s => s.Variants[0].Rows), Is.GreaterThan(3 * chunkRows), "the shards must span several chunks");
            foreach (var shard in shards)
            {
                for (var v = 0; v < variants.Count; v++)
                {
                    var (keys, scores) = (new List<long>(), new List<float>());
                    for (var cursor = new ShardCursor(shard, v, chunkRows); cursor.HasRow; cursor.Next())
                    {
                        keys.Add(cursor.PersonKey);
                        scores.Add(cursor.Score);
                    }

                    Assert.That(keys, Is.EqualTo(WholeKeys(shard, v)));
                    Assert.That(scores, Is.EqualTo(WholeScores(shard, v)));
                }
            }
        }
        finally
        {
            shards.ForEach(s => s.Dispose());
        }
    }

    [Test]
    public async Task Reduce_ScoreFile_IsEveryShardRowInRankOrderWithRanksCounted()
    {
        var shards = OpenShards();
        try
        {
            for (var v = 0; v < variants.Count; v++)
            {
                var rows = shards.SelectMany(s => WholeKeys(s, v).Zip(WholeScores(s, v))).ToList();
                var expected = rows.OrderBy(r => RankOrder.Key(r.Second, r.First)).Select(r => r.First).ToArray();

                var (keys, ranks, sigungu, sigunguRanks) = await ReadScoreFile(lake.Root.Scores(TrainedLake.ValidQuarter, variants[v].Variant));

                Assert.That(keys, Is.EqualTo(expected), $"{variants[v].Variant}: the national order");
                Assert.That(ranks, Is.EqualTo(Enumerable.Range(1, expected.Length)));
                var counted = new Dictionary<string, int>(StringComparer.Ordinal);
                Assert.That(sigunguRanks, Is.EqualTo(sigungu.Select(code => counted[code] = counted.GetValueOrDefault(code) + 1)));
            }
        }
        finally
        {
            shards.ForEach(s => s.Dispose());
        }
    }

    // Half: the arrays end early (a copy to a shared filesystem cut); 40 bytes: inside the key string.
    [TestCase(2)]
    [TestCase(-40)]
    public void Open_ShardCutShort_FailsNamingTheFile(int cutAt)
    {
        var source = ShardFiles.Shard(lake.Root, TrainedLake.ValidQuarter, ShardFiles.Parts(lake.Root, TrainedLake.ValidQuarter)[0]);
        var cut = Path.Combine(Path.GetTempPath(), $"blindspot-cut-{Guid.NewGuid():N}.bin");
        try
        {
            var bytes = File.ReadAllBytes(source);
            File.WriteAllBytes(cut, bytes[..(cutAt > 0 ? bytes.Length / cutAt : -cutAt)]);

            Assert.That(() => ShardReader.Open(cut, ShardReader.ReadKey(source)!, variants), Throws.TypeOf<InvalidDataException>().With.Message.Contains(cut).And.Message.Contains("truncated"));
        }
        finally
        {
            File.Delete(cut);
        }
    }

    private static async Task<(long[] Keys, int[] Ranks, string[] Sigungu, int[] SigunguRanks)> ReadScoreFile(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var (keys, ranks, sigungu, local) = (new List<long>(), new List<int>(), new List<string>(), new List<int>());
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = checked((int)group.RowCount);
            var (k, r, s, l) = (new long[n], new int[n], new string?[n], new int[n]);
            await group.ReadAsync(reader.Schema.DataFields.Single(f => f.Name == ScoreColumns.PersonKey), k.AsMemory());
            await group.ReadAsync(reader.Schema.DataFields.Single(f => f.Name == ScoreColumns.NationalRank), r.AsMemory());
            await group.ReadAsync(reader.Schema.DataFields.Single(f => f.Name == ScoreColumns.SigunguCode), s.AsMemory());
            await group.ReadAsync(reader.Schema.DataFields.Single(f => f.Name == ScoreColumns.SigunguRank), l.AsMemory());
            (keys, ranks, sigungu, local) = ([.. keys, .. k], [.. ranks, .. r], [.. sigungu, .. s.Select(code => code!)], [.. local, .. l]);
        }

        return ([.. keys], [.. ranks], [.. sigungu], [.. local]);
    }
}
