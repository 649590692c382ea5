using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Partitioning;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Stages;
using BlindSpot.Features;
using BlindSpot.Ingestion;
using BlindSpot.Pipeline.Tests.TestSupport;
using Parquet;

namespace BlindSpot.Pipeline.Tests.Partitioning;

/// <summary>
/// History features per bucket: the sample's four quarters 2025Q4–2026Q3 ingested with B = 1 and with B = 7 and built
/// with the catalog's history window on. Each bucket folds the overlapping buckets of, so every
/// person's row, history columns included, is the same whatever B; and the window did find the earlier quarters.
/// </summary>
[NonParallelizable]
public sealed class HistoryBucketTests
{
    private static readonly Quarter Q = Quarter.Parse(SampleRoot.Quarter);
    private static readonly FeedCatalog Catalog = FeedCatalog.LoadDefault().WithHistoryFeatures(true);

    [Test]
    public async Task Build_HistoryWindow_SameRowsForOneAndSevenBuckets()
    {
        var one = await BuildAsync(1);
        var seven = await BuildAsync(7);
        try
        {
            var rowsOne = await FeatureRows.ReadAsync(one.FeaturesFolder(Q));
            var rowsSeven = await FeatureRows.ReadAsync(seven.FeaturesFolder(Q));
            var earlier = await ColumnAsync(seven, Features.Schema.FeatureNames.EarlierQuarters);
            var persistent = await ColumnAsync(seven, Features.Schema.FeatureNames.PersistentFeeds);

            Assert.Multiple(() =>
            {
                Assert.That(rowsOne, Has.Count.GreaterThan(40_000), "one feature row per sample person");
                Assert.That(rowsSeven, Is.EqualTo(rowsOne));
                Assert.That(earlier, Has.All.EqualTo(3f), "Q-1, Q-2 and Q-3 found by every bucket");
                Assert.That(persistent.Count(v => v > 0), Is.Positive, "some people have a feed in 3 of the 4 quarters");
            });
        }
        finally
        {
            Directory.Delete(one.Path, recursive: true);
            Directory.Delete(seven.Path, recursive: true);
        }
    }

    private static async Task<DataRoot> BuildAsync(int buckets)
    {
        var root = new DataRoot(await SampleRoot.CopyAsync());
        var checkpoint = new StageCheckpoint(TimeProvider.System);
        for (var quarter = Q.Previous.Previous.Previous; quarter <= Q; quarter = quarter.Next)
        {
            var ingest = new IngestStage(new IngestOptions { Catalog = Catalog, Pseudonymizer = Pseudonymizer.ForSampleData(), Buckets = buckets, AcceptVolumeChange = true });
            Assert.That((await checkpoint.RunAsync(ingest, root, quarter)).Ran, Is.True, $"ingest {quarter}");
        }

        Assert.That((await checkpoint.RunAsync(new FeaturesStage(Catalog, new FeatureOptions()), root, Q)).Ran, Is.True, "features");
        return root;
    }

    private static async Task<List<float>> ColumnAsync(DataRoot root, string name)
    {
        var values = new List<float>();
        foreach (var file in TableFiles.InFolder(root.FeaturesFolder(Q)))
        {
            await using var reader = await ParquetReader.CreateAsync(file.Path);
            var field = reader.Schema.DataFields.Single(f => f.Name == name);
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var column = new float[group.RowCount];
                await group.ReadAsync(field, column.AsMemory());
                values.AddRange(column);
            }
        }

        return values;
    }
}
