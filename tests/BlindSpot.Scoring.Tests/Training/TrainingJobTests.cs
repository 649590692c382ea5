using BlindSpot.Core.Catalog;
using BlindSpot.Scoring.Models;
using BlindSpot.Scoring.Tests.TestSupport;

namespace BlindSpot.Scoring.Tests.Training;

[TestFixture]
internal sealed class TrainingJobTests
{
    private TrainedLake lake = null!;

    [OneTimeSetUp]
    public async Task CreateLake() => lake = await TrainedLake.CreateAsync();

    [OneTimeTearDown]
    public void DeleteLake() => lake.Dispose();

    [Test]
    public async Task RunAsync_SyntheticQuarters_BeatsTheRuleBaselineOnTheValidationQuarter()
    {
        var result = await lake.TrainAsync(Variant.Household);
        var metrics = result.Card.Metrics;

        Assert.That(metrics.Rule, Is.Not.Null);
        Assert.That(metrics.Model.Auc, Is.GreaterThan(metrics.Rule!.Auc));
        Assert.That(metrics.Model.PrAuc, Is.GreaterThan(metrics.Rule.PrAuc));
        // The audit rows are a random sample: the unbiased comparison, and the one promote uses.
        Assert.That(metrics.ModelAudit, Is.Not.Null);
        Assert.That(metrics.ModelAudit!.Auc, Is.GreaterThan(metrics.RuleAudit!.Auc));
        Assert.That(metrics.PromotionMetric, Is.EqualTo("validAuditAuc"));
    }

    [Test]
    public async Task RunAsync_Always_WritesModelAndCardWithTheirContract()
    {
        var result = await lake.TrainAsync(Variant.Child);
        var card = ModelCard.Load(Path.Combine(result.Folder, ModelCard.FileName));

        Assert.That(result.Folder, Is.EqualTo(Path.Combine(lake.Models, "child", card.Version)));
        Assert.That(card.Version, Does.Match("^v20260715-[0-9a-f]{8}$"));
        Assert.That(card.ModelSha256, Does.StartWith(card.Version[^8..]));
        Assert.That(card.Features, Is.EqualTo(SyntheticLake.Features.Select(f => f.Name)));
        Assert.That(card.FeedFeatures, Has.Count.EqualTo(5));
        Assert.That(card.SchemaHash, Is.EqualTo(SyntheticLake.SchemaHash));
        Assert.That(card.TrainQuarters, Is.EqualTo("2025Q3..2026Q1"));
        Assert.That(card.TrainSet.UnreachableExcluded, Is.GreaterThan(0));
        Assert.That(card.TrainSet.Rows, Is.GreaterThan(card.TrainSet.Positives).And.GreaterThan(0));
        Assert.That(card.InputHashes.Keys, Has.Some.EqualTo("labels/2026Q2.parquet").And.Some.EqualTo("features/2025Q3/bucket=000/part-0.parquet"));
        Assert.That(card.CreatedAt, Is.EqualTo(FixedClock.Now));
        Assert.That(card.SelectionBias, Does.Contain("audit"));
    }

    [Test]
    public async Task RunAsync_SameDataAndSeed_WritesIdenticalModelBytes()
    {
        var first = await lake.TrainAsync(Variant.LonelyDeath, Path.Combine(lake.Folder, "models-a"));
        var second = await lake.TrainAsync(Variant.LonelyDeath, Path.Combine(lake.Folder, "models-b"));

        Assert.That(await File.ReadAllBytesAsync(Path.Combine(second.Folder, "model.zip")), Is.EqualTo(await File.ReadAllBytesAsync(Path.Combine(first.Folder, "model.zip"))));
        Assert.That(second.Card.Version, Is.EqualTo(first.Card.Version));
    }

    [Test]
    public void RunAsync_ValidationQuarterInsideTraining_IsRefused()
    {
        var options = TrainedLake.Options(Variant.Household);
        options.Valid = TrainedLake.TrainQuarters.First;

        Assert.That(() => new BlindSpot.Scoring.Training.TrainingJob(new FixedClock()).RunAsync(lake.Root, lake.Models, options, "test", CancellationToken.None),
            Throws.ArgumentException.With.Message.Contains("lies inside --train"));
    }
}
