using BlindSpot.Core.Stages;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Runs;
using BlindSpot.Scoring.Batch;
using BlindSpot.Scoring.Registry;
using BlindSpot.Scoring.Tests.TestSupport;

namespace BlindSpot.Scoring.Tests.Batch;

[TestFixture]
internal sealed class ScoreJobTests
{
    private TrainedLake lake = null!;
    private ModelRegistry registry = null!;
    private ScoreResult result = null!;

    [OneTimeSetUp]
    public async Task TrainPromoteAndScore()
    {
        lake = await TrainedLake.CreateAsync();
        registry = new ModelRegistry(lake.Models);
        foreach (var variant in VariantNames.All)
        {
            var trained = await lake.TrainAsync(variant);
            registry.Promote(variant, trained.Card.Version, SyntheticLake.SchemaHash, force: false, new FixedClock());
        }

        result = await Score();
    }

    [OneTimeTearDown]
    public void DeleteLake() => lake.Dispose();

    // Through the checkpoint, as the CLI verb and the pipeline run it, whatever it decides: the stage records itself there.
    private async Task<ScoreResult> Score()
    {
        var checkpoint = new StageCheckpoint(new FixedClock());
        var decision = await checkpoint.DecideAsync(new ScoreStage(registry, new ScoreOptions(), new FixedClock()), lake.Root, TrainedLake.ValidQuarter);
        return (ScoreResult)(await checkpoint.RunAsync(decision)).Outcome!.Detail!;
    }

    // The work alone, so a rerun with other machine settings (not part of the checkpoint key) really scores again.
    private Task<ScoreResult> ScoreAgain(ScoreOptions options) =>
        new ScoreJob().RunAsync(lake.Root, TrainedLake.ValidQuarter, registry, options, CancellationToken.None);

    private async Task<ScoreTable> Table(Variant variant) => await ScoreTable.ReadAsync(lake.Root.Scores(TrainedLake.ValidQuarter, variant));

    [TestCase(Variant.Household)]
    [TestCase(Variant.Child)]
    [TestCase(Variant.LonelyDeath)]
    public async Task RunAsync_EveryVariant_OneRowPerEligiblePersonAndRanksArePermutation(Variant variant)
    {
        var table = await Table(variant);
        var eligible = lake.People[TrainedLake.ValidQuarter].Where(p => p.Eligible[(int)variant]).Select(p => p.PersonKey);

        Assert.That(table.PersonKeys, Is.EquivalentTo(eligible));
        Assert.That(table.NationalRanks, Is.EqualTo(Enumerable.Range(1, table.Rows)));
        for (var i = 1; i < table.Rows; i++)
        {
            // Best first; equal scores in person-key order.
            Assert.That(table.Scores[i] < table.Scores[i - 1] || (table.Scores[i] == table.Scores[i - 1] && table.PersonKeys[i] > table.PersonKeys[i - 1]), $"row {i}");
        }

        foreach (var group in Enumerable.Range(0, table.Rows).GroupBy(i => table.Sigungu[i]))
        {
            Assert.That(group.Select(i => table.SigunguRanks[i]), Is.EqualTo(Enumerable.Range(1, group.Count())), group.Key);
        }
    }

    [TestCase(Variant.Household)]
    [TestCase(Variant.Child)]
    [TestCase(Variant.LonelyDeath)]
    public async Task RunAsync_Scores_AreTheLiveModelsCalibratedProbabilities(Variant variant)
    {
        var table = await Table(variant);
        var model = registry.LoadLive(variant)!;
        var people = lake.People[TrainedLake.ValidQuarter].ToDictionary(p => p.PersonKey);

        for (var i = 0; i < table.Rows; i++)
        {
            var raw = model.Ensemble.Raw(people[table.PersonKeys[i]].Features);
            Assert.That(table.Raw[i], Is.EqualTo(raw));
            Assert.That(table.Scores[i], Is.EqualTo(model.Ensemble.Probability(raw)));
        }
    }

    [TestCase(Variant.Household)]
    [TestCase(Variant.LonelyDeath)]
    public async Task RunAsync_Reasons_NameFeaturesThePersonHasAndOnlyForCandidates(Variant variant)
    {
        var table = await Table(variant);
        var people = lake.People[TrainedLake.ValidQuarter].ToDictionary(p => p.PersonKey);
        var names = SyntheticLake.Features.Select(f => f.Name).ToList();
        var candidates = new ScoreOptions().Candidates(variant, lake.People[TrainedLake.ValidQuarter].Count, table.Rows);
        var withReasons = 0;

        for (var i = 0; i < table.Rows; i++)
        {
            for (var n = 0; n < 3; n++)
            {
                if (table.Reasons[n][i] is not { } reason)
                {
                    continue;
                }

                Assert.That(i, Is.LessThan(candidates), "reasons only for the top candidates");
                var value = people[table.PersonKeys[i]].Features[names.IndexOf(reason)];
                Assert.That(value, Is.Not.EqualTo(0f), $"{reason} of {table.PersonKeys[i]}");
                Assert.That(table.ReasonValues[n][i], Is.EqualTo(value));
                withReasons++;
            }
        }

        Assert.That(withReasons, Is.GreaterThan(0));
        Assert.That(table.Metadata["blindspot.candidates"], Is.EqualTo(candidates.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task RunAsync_Reasons_PreferFeedFeaturesWithThePositiveContributions()
    {
        var table = await Table(Variant.Household);
        var model = registry.LoadLive(Variant.Household)!;
        var people = lake.People[TrainedLake.ValidQuarter].ToDictionary(p => p.PersonKey);
        var names = SyntheticLake.Features.Select(f => f.Name).ToList();
        var feed = SyntheticLake.Features.Where(f => f.Kind == "feed").Select(f => f.Name).ToHashSet();
        var candidates = new ScoreOptions().Candidates(Variant.Household, lake.People[TrainedLake.ValidQuarter].Count, table.Rows);

        for (var i = 0; i < candidates; i++)
        {
            var features = people[table.PersonKeys[i]].Features;
            var contributions = new double[names.Count];
            model.Ensemble.Contributions(features, contributions);
            var expectedFeed = Enumerable.Range(0, names.Count)
                .Where(f => feed.Contains(names[f]) && features[f] != 0 && contributions[f] > 0)
                .OrderByDescending(f => contributions[f]).Select(f => names[f]).Take(3).ToArray();
            var reasons = Enumerable.Range(0, 3).Select(n => table.Reasons[n][i]).Where(r => r is not null).ToArray();

            Assert.That(reasons.Take(expectedFeed.Length), Is.EqualTo(expectedFeed), $"candidate {i}");
        }
    }

    [Test]
    public async Task RunAsync_Always_RecordsModelVersionInFileMetadataAndRunManifest()
    {
        var table = await Table(Variant.Child);
        var live = registry.Live(Variant.Child)!;
        var manifest = RunManifest.LoadOrCreate(lake.Root.RunManifest(TrainedLake.ValidQuarter), "2026Q2");
        var record = manifest.Find(StageNames.Score)!;

        Assert.That(table.Metadata["blindspot.model_version"], Is.EqualTo(live.Version));
        Assert.That(record.State, Is.EqualTo(StageState.Completed));
        Assert.That(record.Inputs, Does.ContainKey($"models/child/{live.Version}/model.zip"));
        Assert.That(record.Outputs, Does.ContainKey("scores/2026Q2/child.parquet"));
        Assert.That(record.Counts["child.rows"], Is.EqualTo(table.Rows));
        Assert.That(result.Variants, Has.Count.EqualTo(3));
    }

    // Parts finish in another order with one worker, so the shared candidate bar rises differently and parts keep other
    // candidates; blocks of 64 rows change every evaluation block. None of it may reach the files.
    [Test]
    public async Task RunAsync_RunAgainWithOneWorkerAndSmallBlocks_WritesIdenticalBytesForEveryVariant()
    {
        var before = new Dictionary<Variant, byte[]>();
        foreach (var variant in VariantNames.All)
        {
            before[variant] = await File.ReadAllBytesAsync(lake.Root.Scores(TrainedLake.ValidQuarter, variant));
        }

        await ScoreAgain(new ScoreOptions { Workers = 1, BlockRows = 64 });

        foreach (var variant in VariantNames.All)
        {
            Assert.That(await File.ReadAllBytesAsync(lake.Root.Scores(TrainedLake.ValidQuarter, variant)), Is.EqualTo(before[variant]), variant.ToString());
        }
    }
}
