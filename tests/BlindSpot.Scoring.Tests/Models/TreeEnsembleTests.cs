using BlindSpot.Core.Catalog;
using BlindSpot.Scoring.Models;
using BlindSpot.Scoring.Registry;
using BlindSpot.Scoring.Tests.TestSupport;
using BlindSpot.Scoring.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace BlindSpot.Scoring.Tests.Models;

[TestFixture]
internal sealed class TreeEnsembleTests
{
    private TrainedLake lake = null!;

    [OneTimeSetUp]
    public async Task CreateLake() => lake = await TrainedLake.CreateAsync();

    [OneTimeTearDown]
    public void DeleteLake() => lake.Dispose();

    // Every variant: each has its own population and its own trees, and the fast path must equal ML.NET for all three.
    [TestCase(Variant.Household)]
    [TestCase(Variant.Child)]
    [TestCase(Variant.LonelyDeath)]
    public async Task Raw_LoadedModel_MatchesMlNetTransformTo1e5(Variant variant)
    {
        var trained = await lake.TrainAsync(variant);
        var model = new ModelRegistry(lake.Models).Load(variant, trained.Card.Version);
        var rows = await EligibleRows.ReadAsync(lake.Root, TrainedLake.ValidQuarter, variant);
        var scored = model.Transformer.Transform(FastTreeFitter.AsDataView(new MLContext(seed: 1), rows));
        var mlScores = scored.GetColumn<float>("Score").ToArray();
        var mlProbabilities = scored.GetColumn<float>("Probability").ToArray();

        var raw = new float[rows.Rows];
        model.Ensemble.Raw(rows.Features, rows.Width, raw);
        var columnRaw = RawColumns(model.Ensemble, rows);

        Assert.That(rows.Rows, Is.GreaterThan(100));
        for (var r = 0; r < rows.Rows; r++)
        {
            Assert.That(raw[r], Is.EqualTo(mlScores[r]).Within(1e-5), $"raw score of row {r}");
            Assert.That(columnRaw[r], Is.EqualTo(raw[r]), $"column path (the batch scorer's) of row {r}");
            Assert.That(model.Ensemble.Raw(rows.Row(r)), Is.EqualTo(raw[r]), $"single-row path of row {r}");
            Assert.That(model.Ensemble.Probability(raw[r]), Is.EqualTo(mlProbabilities[r]).Within(1e-5), $"probability of row {r}");
        }
    }

    // The committed sample models (100 trees × 8 leaves, what `blindspot score` runs by default) on rows made to sit on every
    // side of their thresholds: zeros, the −1 "no record", NaN and ordinary values of each feature.
    [TestCase(Variant.Household)]
    [TestCase(Variant.Child)]
    [TestCase(Variant.LonelyDeath)]
    public void RawColumns_CommittedSampleModel_MatchesMlNetTransformTo1e5(Variant variant)
    {
        var model = new ModelRegistry(Path.Combine(Repository(), "models")).LoadLive(variant)!;
        var width = model.Card.Features.Count;
        var random = new Random(5);
        var features = Enumerable.Range(0, 3_000 * width).Select(_ => random.Next(10) switch
        {
            < 5 => 0f,
            5 => -1f,
            6 => float.NaN,
            7 => random.Next(1, 13),
            _ => (float)(random.NextDouble() * 3),
        }).ToArray();
        var rows = new LabelledSet(new long[3_000], features, width, new bool[3_000], new bool[3_000]);
        var scored = model.Transformer.Transform(FastTreeFitter.AsDataView(new MLContext(seed: 1), rows));
        var mlScores = scored.GetColumn<float>("Score").ToArray();
        var mlProbabilities = scored.GetColumn<float>("Probability").ToArray();

        var raw = RawColumns(model.Ensemble, rows);

        Assert.That(model.Ensemble.UsedFeatures, Is.Not.Empty);
        for (var r = 0; r < rows.Rows; r++)
        {
            Assert.That(raw[r], Is.EqualTo(mlScores[r]).Within(1e-5), $"raw score of row {r}");
            Assert.That(model.Ensemble.Probability(raw[r]), Is.EqualTo(mlProbabilities[r]).Within(1e-5), $"probability of row {r}");
        }
    }

    /// <summary>Scores the set as the batch scorer does: the used features as columns, in blocks of 512 rows.</summary>
    private static float[] RawColumns(TreeEnsemble ensemble, LabelledSet rows)
    {
        const int Block = 512;
        var used = ensemble.UsedFeatures;
        var columns = new float[used.Count * Block];
        var raw = new float[rows.Rows];
        for (var start = 0; start < rows.Rows; start += Block)
        {
            var count = Math.Min(Block, rows.Rows - start);
            for (var c = 0; c < used.Count; c++)
            {
                for (var r = 0; r < count; r++)
                {
                    columns[(c * Block) + r] = rows.Row(start + r)[used[c]];
                }
            }

            ensemble.RawColumns(columns, Block, raw.AsSpan(start, count));
        }

        return raw;
    }

    private static string Repository()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BlindSpot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("BlindSpot.sln not found above the test directory.");
    }

    [Test]
    public async Task Contributions_AnyRow_AreFiniteAndOnlyOnFeaturesTheTreesSplitOn()
    {
        var trained = await lake.TrainAsync(Variant.Household);
        var model = new ModelRegistry(lake.Models).Load(Variant.Household, trained.Card.Version);
        var rows = await EligibleRows.ReadAsync(lake.Root, TrainedLake.ValidQuarter, Variant.Household);
        var contributions = new double[rows.Width];

        model.Ensemble.Contributions(rows.Row(0), contributions);

        Assert.That(contributions, Has.All.Matches<double>(double.IsFinite));
        Assert.That(contributions.Skip(model.Ensemble.FeatureCount), Has.All.EqualTo(0d));
        Assert.That(contributions, Has.Some.Not.EqualTo(0d));
    }

    [Test]
    public async Task Raw_RowsNarrowerThanTheTreesRead_IsRefusedBeforeReadingMemory()
    {
        var trained = await lake.TrainAsync(Variant.Household);
        var model = new ModelRegistry(lake.Models).Load(Variant.Household, trained.Card.Version);
        var narrow = model.Ensemble.FeatureCount - 1;

        Assert.That(() => model.Ensemble.Raw(new float[8 * narrow], narrow, new float[8]), Throws.ArgumentException.With.Message.Contains("too narrow"));
    }
}
