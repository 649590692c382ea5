using BlindSpot.Core.Catalog;
using BlindSpot.Scoring.Registry;
using BlindSpot.Scoring.Tests.TestSupport;
using BlindSpot.Scoring.Training;

namespace BlindSpot.Scoring.Tests.Training;

/// <summary>The diagnostic <c>train --labels truth</c>: every eligible person labelled by the simulator's truth.</summary>
[TestFixture]
internal sealed class TrainingJobTruthLabelsTests
{
    private TrainedLake lake = null!;

    [OneTimeSetUp]
    public async Task CreateLake()
    {
        lake = await TrainedLake.CreateAsync();
        foreach (var (quarter, people) in lake.People)
        {
            await TruthWriter.WriteAsync(lake.Root.Truth(quarter), people);
        }
    }

    [OneTimeTearDown]
    public void DeleteLake() => lake.Dispose();

    [Test]
    public async Task RunAsync_TruthLabelsAllNegativesKept_TrainsOnEveryEligiblePersonLabelledByTheTruth()
    {
        var options = TrainedLake.Options(Variant.Household);
        options.TruthLabels = true;
        options.TruthNegativeShare = 1;

        var result = await new TrainingJob(new FixedClock(), truthKeys: SyntheticLake.Keys).RunAsync(lake.Root, lake.Models, options, "test", CancellationToken.None);

        var eligible = TrainedLake.TrainQuarters.SelectMany(q => lake.People[q]).Where(p => p.Eligible[(int)Variant.Household]).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.Card.Labels, Is.EqualTo("truth"));
            Assert.That(result.Card.TrainSet.Rows, Is.EqualTo(eligible.Count));
            Assert.That(result.Card.TrainSet.Positives, Is.EqualTo(eligible.Count(p => p.Risk > TruthWriter.CrisisRisk)));
            Assert.That(result.Card.TrainSet.AuditRows, Is.Zero);
        });
    }

    [Test]
    public async Task RunAsync_TruthLabelsShareOfNegatives_KeepsEveryPositiveAndFewerNegatives()
    {
        var options = TrainedLake.Options(Variant.Household);
        options.TruthLabels = true;
        options.TruthNegativeShare = 0.2;

        var result = await new TrainingJob(new FixedClock(), truthKeys: SyntheticLake.Keys).RunAsync(lake.Root, Path.Combine(lake.Folder, "models-share"), options, "test", CancellationToken.None);

        var eligible = TrainedLake.TrainQuarters.SelectMany(q => lake.People[q]).Where(p => p.Eligible[(int)Variant.Household]).ToList();
        var positives = eligible.Count(p => p.Risk > TruthWriter.CrisisRisk);
        var negatives = eligible.Count - positives;
        Assert.Multiple(() =>
        {
            Assert.That(result.Card.TrainSet.Positives, Is.EqualTo(positives));
            Assert.That(result.Card.TrainSet.Rows - positives, Is.InRange((int)(negatives * 0.1), (int)(negatives * 0.3)));
        });
    }

    [Test]
    public async Task RunAsync_TruthLabelsVisitedOnly_TrainsOnEveryVisitedEligiblePersonLabelledByTheTruth()
    {
        var options = TrainedLake.Options(Variant.Household);
        options.TruthLabels = true;
        options.TruthVisitedOnly = true;

        var result = await new TrainingJob(new FixedClock(), truthKeys: SyntheticLake.Keys).RunAsync(lake.Root, Path.Combine(lake.Folder, "models-visited"), options, "test", CancellationToken.None);

        var visited = new List<SyntheticPerson>();
        foreach (var quarter in TrainedLake.TrainQuarters)
        {
            var keys = (await BlindSpot.Scoring.Data.LabelReader.ReadAsync(lake.Root, quarter, Variant.Household, CancellationToken.None)).Select(l => l.PersonKey).ToHashSet();
            visited.AddRange(lake.People[quarter].Where(p => p.Eligible[(int)Variant.Household] && keys.Contains(p.PersonKey)));
        }

        Assert.Multiple(() =>
        {
            Assert.That(result.Card.Labels, Is.EqualTo("truth-visited"));
            Assert.That(result.Card.TrainSet.Rows, Is.EqualTo(visited.Count).And.GreaterThan(0));
            Assert.That(result.Card.TrainSet.Positives, Is.EqualTo(visited.Count(p => p.Risk > TruthWriter.CrisisRisk)));
        });
    }

    [Test]
    public async Task RunAsync_PositiveKinds_CountsOnlyThoseKindsPositiveAndSaysSoOnTheCard()
    {
        var all = await lake.TrainAsync(Variant.Household, Path.Combine(lake.Folder, "models-all"));
        var options = TrainedLake.Options(Variant.Household);
        // The synthetic lake writes the generic "supported": naming it alone keeps every positive.
        options.PositiveKinds = ["supported"];

        var kinds = await new TrainingJob(new FixedClock()).RunAsync(lake.Root, Path.Combine(lake.Folder, "models-kinds"), options, "test", CancellationToken.None);
        options.PositiveKinds = ["supported_livelihood"];

        Assert.Multiple(() =>
        {
            Assert.That(kinds.Card.TrainSet.Positives, Is.EqualTo(all.Card.TrainSet.Positives).And.GreaterThan(0));
            Assert.That(kinds.Card.Labels, Is.EqualTo("positive:supported"));
            Assert.That(all.Card.Labels, Is.Null);
            Assert.That(() => new TrainingJob(new FixedClock()).RunAsync(lake.Root, Path.Combine(lake.Folder, "models-none"), options, "test", CancellationToken.None),
                Throws.InstanceOf<InvalidDataException>().With.Message.Contains("needs both outcomes"), "no supported_livelihood outcome in the lake: no positives");
        });
    }

    [Test]
    public async Task Promote_TruthLabelledModel_IsRefusedWithoutForce()
    {
        var options = TrainedLake.Options(Variant.Child);
        options.TruthLabels = true;
        var models = Path.Combine(lake.Folder, "models-promote");
        var result = await new TrainingJob(new FixedClock(), truthKeys: SyntheticLake.Keys).RunAsync(lake.Root, models, options, "test", CancellationToken.None);

        var registry = new ModelRegistry(models);

        Assert.That(() => registry.Promote(Variant.Child, result.Card.Version, result.Card.SchemaHash, force: false, new FixedClock()),
            Throws.InvalidOperationException.With.Message.Contains("'truth' labels"));
    }
}
