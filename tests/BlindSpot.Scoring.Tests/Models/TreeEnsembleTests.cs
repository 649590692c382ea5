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

        Assert.That(rows.Rows, Is.GreaterThan(100));
        for (var r = 0; r < rows.Rows; r++)
        {
            Assert.That(raw[r], Is.EqualTo(mlScores[r]).Within(1e-5), $"raw score of row {r}");
            Assert.That(model.Ensemble.Raw(rows.Row(r)), Is.EqualTo(raw[r]), $"single-row path of row {r}");
            Assert.That(model.Ensemble.Probability(raw[r]), Is.EqualTo(mlProbabilities[r]).Within(1e-5), $"probability of row {r}");
        }
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
}
