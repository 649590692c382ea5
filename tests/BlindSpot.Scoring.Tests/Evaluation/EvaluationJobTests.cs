using BlindSpot.Core.Catalog;
using BlindSpot.Scoring.Evaluation;
using BlindSpot.Scoring.Registry;
using BlindSpot.Scoring.Tests.TestSupport;

namespace BlindSpot.Scoring.Tests.Evaluation;

[TestFixture]
internal sealed class EvaluationJobTests
{
    private TrainedLake lake = null!;
    private EvaluationReport report = null!;
    private string folder = null!;

    [OneTimeSetUp]
    public async Task TrainAndEvaluate()
    {
        lake = await TrainedLake.CreateAsync();
        var trained = await lake.TrainAsync(Variant.Household);
        await TruthWriter.WriteAsync(lake.Root.Truth(TrainedLake.ValidQuarter), lake.People[TrainedLake.ValidQuarter]);
        (report, folder) = await new EvaluationJob(SyntheticLake.Keys).RunAsync(lake.Root, new ModelRegistry(lake.Models), Variant.Household, trained.Card.Version, TrainedLake.ValidQuarter, CancellationToken.None);
    }

    [OneTimeTearDown]
    public void DeleteLake() => lake.Dispose();

    [Test]
    public void RunAsync_Synthetic_ModelBeatsRuleAndRandom()
    {
        // k is a handful of rows on this small set, so the lift over the rule may be a tie at k; the AUC is not.
        Assert.That(report.All.Auc, Is.GreaterThan(report.RuleAll!.Auc));
        Assert.That(report.LiftOverRule, Is.GreaterThanOrEqualTo(1));
        Assert.That(report.LiftOverRandom, Is.GreaterThan(1));
        Assert.That(report.All.Brier, Is.InRange(0.0, 0.25));
    }

    [Test]
    public void RunAsync_Reliability_CoversEveryLabelledRowOnce()
    {
        Assert.That(report.Reliability, Has.Count.EqualTo(10));
        Assert.That(report.Reliability.Sum(b => b.Rows), Is.EqualTo(report.All.Rows));
    }

    [Test]
    public void RunAsync_Groups_CoverSidoAgeBandAndSex()
    {
        Assert.That(report.Groups.Select(g => g.Dimension).Distinct(), Is.EquivalentTo(new[] { "시도", "age band", "sex" }));
        foreach (var dimension in report.Groups.GroupBy(g => g.Dimension))
        {
            Assert.That(dimension.Sum(g => g.Rows), Is.EqualTo(report.All.Rows), dimension.Key);
        }
    }

    [Test]
    public void RunAsync_TruthPresent_ComparesModelRuleAndOracle()
    {
        var truth = report.Truth!;
        var adults = lake.People[TrainedLake.ValidQuarter].Count(p => p.Eligible[(int)Variant.Household]);

        Assert.That(truth.Eligible, Is.EqualTo(adults));
        Assert.That(truth.Oracle, Is.EqualTo(1.0), "the latent risk defines the truth here, so the oracle is perfect");
        Assert.That(truth.Model, Is.GreaterThan(truth.Rule));
        Assert.That(report.TruthUsedSampleKey, Is.True);
    }

    [Test]
    public void RunAsync_TruthWithoutSupportColumn_ReportsNoPeopleHelped()
    {
        // The synthetic truth predates supported_last_quarter, as a world generated before issue #21 does.
        Assert.That(report.Helped, Is.Null);
    }

    [Test]
    public void RunAsync_CounterfactualButTruthWithoutSupportColumn_FailsNamingTheColumn()
    {
        var job = new EvaluationJob(SyntheticLake.Keys, counterfactual: lake.Root);
        var version = new ModelRegistry(lake.Models).LoadLive(Variant.Household)?.Card.Version ?? report.Model.Split('/')[1];

        var error = Assert.ThrowsAsync<InvalidDataException>(() => job.RunAsync(lake.Root, new ModelRegistry(lake.Models), Variant.Household, version, TrainedLake.ValidQuarter, CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("supported_last_quarter"));
    }

    [Test]
    public void RunAsync_Always_WritesJsonAndHtmlUnderTheModel()
    {
        Assert.That(folder, Does.EndWith(Path.Combine("evaluation", "2026Q2")));
        Assert.That(File.ReadAllText(Path.Combine(folder, "report.html")), Does.Contain("Against the simulator").And.Contain("precision@k"));
        Assert.That(File.Exists(Path.Combine(folder, "evaluation.json")), Is.True);
        Assert.That(report.Charts, Is.EquivalentTo(new[] { "roc.png", "pr.png", "lift.png", "calibration.png" }));
        Assert.That(report.Charts.Select(c => new FileInfo(Path.Combine(folder, c)).Length), Has.All.GreaterThan(1000));
    }
}
