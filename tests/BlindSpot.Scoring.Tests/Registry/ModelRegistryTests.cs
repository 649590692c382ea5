using BlindSpot.Core.Catalog;
using BlindSpot.Scoring.Registry;
using BlindSpot.Scoring.Tests.TestSupport;

namespace BlindSpot.Scoring.Tests.Registry;

[TestFixture]
internal sealed class ModelRegistryTests
{
    private TrainedLake lake = null!;

    [OneTimeSetUp]
    public async Task CreateLake() => lake = await TrainedLake.CreateAsync();

    [OneTimeTearDown]
    public void DeleteLake() => lake.Dispose();

    [Test]
    public async Task Promote_MatchingSchemaAndNoLiveModel_WritesLivePointer()
    {
        var models = Path.Combine(lake.Folder, "promote-ok");
        var trained = await lake.TrainAsync(Variant.Child, models);
        var registry = new ModelRegistry(models);

        var pointer = registry.Promote(Variant.Child, trained.Card.Version, SyntheticLake.SchemaHash, force: false, new FixedClock());

        Assert.That(pointer.Forced, Is.False);
        Assert.That(registry.Live(Variant.Child)!.Version, Is.EqualTo(trained.Card.Version));
        Assert.That(registry.LoadLive(Variant.Child)!.Card.Version, Is.EqualTo(trained.Card.Version));
        Assert.That(registry.List(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Promote_SchemaHashOfAnotherFeatureBuild_IsRefusedUnlessForced()
    {
        var models = Path.Combine(lake.Folder, "promote-schema");
        var trained = await lake.TrainAsync(Variant.Household, models);
        var registry = new ModelRegistry(models);
        var otherHash = new string('a', 64);

        Assert.That(() => registry.Promote(Variant.Household, trained.Card.Version, otherHash, force: false, new FixedClock()),
            Throws.InvalidOperationException.With.Message.Contains("feature schema"));
        Assert.That(registry.Live(Variant.Household), Is.Null);
        Assert.That(registry.Promote(Variant.Household, trained.Card.Version, otherHash, force: true, new FixedClock()).Forced, Is.True);
    }

    [Test]
    public async Task Promote_WorseValidationMetricThanLive_IsRefusedUnlessForced()
    {
        var models = Path.Combine(lake.Folder, "promote-worse");
        var registry = new ModelRegistry(models);
        var good = await lake.TrainAsync(Variant.Household, models);
        registry.Promote(Variant.Household, good.Card.Version, SyntheticLake.SchemaHash, force: false, new FixedClock());

        // A one-tree, two-leaf model on another seed: the same data, a much weaker ranking.
        var options = TrainedLake.Options(Variant.Household, seed: 99);
        options.Trees = 1;
        options.Leaves = 2;
        var weak = await new BlindSpot.Scoring.Training.TrainingJob(new FixedClock()).RunAsync(lake.Root, models, options, "test", CancellationToken.None);

        Assert.That(weak.Card.Metrics.PromotionAuc, Is.LessThan(good.Card.Metrics.PromotionAuc));
        Assert.That(() => registry.Promote(Variant.Household, weak.Card.Version, SyntheticLake.SchemaHash, force: false, new FixedClock()),
            Throws.InvalidOperationException.With.Message.Contains("worse than live"));
        Assert.That(registry.Live(Variant.Household)!.Version, Is.EqualTo(good.Card.Version));
    }

    [Test]
    public async Task Load_TamperedModelZip_IsRefusedWithAClearMessage()
    {
        var models = Path.Combine(lake.Folder, "tampered");
        var trained = await lake.TrainAsync(Variant.LonelyDeath, models);
        var zip = Path.Combine(trained.Folder, "model.zip");
        var bytes = await File.ReadAllBytesAsync(zip);
        bytes[bytes.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(zip, bytes);
        var registry = new ModelRegistry(models);

        Assert.That(() => registry.Load(Variant.LonelyDeath, trained.Card.Version),
            Throws.InstanceOf<InvalidDataException>().With.Message.Contains("does not match").And.Message.Contains("Refusing to load"));
        Assert.That(() => registry.Promote(Variant.LonelyDeath, trained.Card.Version, SyntheticLake.SchemaHash, force: true, new FixedClock()),
            Throws.InstanceOf<InvalidDataException>());
    }

    [Test]
    public async Task Diff_TwoVersions_NamesWhatChanged()
    {
        var models = Path.Combine(lake.Folder, "diff");
        var a = await lake.TrainAsync(Variant.Household, models, seed: 1);
        var options = TrainedLake.Options(Variant.Household);
        options.Trees = 10;
        var b = await new BlindSpot.Scoring.Training.TrainingJob(new FixedClock()).RunAsync(lake.Root, models, options, "test", CancellationToken.None);

        var lines = ModelDiff.Lines(a.Card, b.Card);

        Assert.That(lines, Has.Some.StartsWith("parameters:").And.Some.StartsWith("seed:"));
    }
}
