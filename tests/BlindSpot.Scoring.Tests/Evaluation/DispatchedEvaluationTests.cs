using System.Globalization;
using BlindSpot.Cli.Configuration;
using BlindSpot.Cli.Evaluation;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch;
using BlindSpot.Scoring.Evaluation;
using BlindSpot.Scoring.Models;
using BlindSpot.Scoring.Registry;
using BlindSpot.Scoring.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace BlindSpot.Scoring.Tests.Evaluation;

/// <summary>
/// The committed sample, 2026Q3 ingested, featured, scored with the committed live models and dispatched for real (with
/// 2026Q1–Q2's outcomes imported, so the not-eligible exclusion bites), and 2026Q2 ready for <c>evaluate</c>.
/// </summary>
[TestFixture]
internal sealed class DispatchedEvaluationTests
{
    private static readonly Quarter Dispatched = Quarter.Parse("2026Q3");
    private string folder = null!;
    private DataRoot root = null!;
    private string models = null!;

    [OneTimeSetUp]
    public async Task PrepareSample()
    {
        folder = Path.Combine(Path.GetTempPath(), $"blindspot-dispatched-eval-{Environment.ProcessId}");
        Copy(Path.Combine(RepositoryFolder.Root, "sample-data"), folder);
        models = Path.Combine(folder, "models-copy");
        Copy(Path.Combine(RepositoryFolder.Root, "models"), models);
        root = new DataRoot(folder);
        foreach (var q in new[] { "2026Q1", "2026Q2", "2026Q3" })
        {
            await Must("ingest", q, "--data", folder);
        }

        foreach (var q in new[] { "2026Q1", "2026Q2" })
        {
            await Must("outcomes", "import", Path.Combine(folder, "outcomes", q, "outcomes.csv"), "--quarter", q, "--data", folder);
        }

        await Must("features", "2026Q1", "--data", folder);
        await Must("features", "2026Q2", "--data", folder);
        await Must("features", "2026Q3", "--data", folder);
        await Must("score", "2026Q3", "--data", folder, "--models", models);
        await Must("dispatch", "2026Q3", "--data", folder);
    }

    [OneTimeTearDown]
    public void Delete()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task SelectAsync_ModelRanking_EqualsTheRealDispatchRegister()
    {
        var rankings = await ModelRankingsAsync(root);
        var simulated = (await new DispatchSimulationAdapter(new DispatchOptions(), FeedCatalog.LoadDefault()).SelectAsync(root, Dispatched, [rankings], CancellationToken.None)).Single();

        var register = Register(root.PastDispatches(Dispatched));
        Assert.That(register.Keys, Is.EquivalentTo(VariantNames.All));
        foreach (var v in VariantNames.All)
        {
            Assert.That(register[v], Has.Count.GreaterThan(10), v.ToCode());
            Assert.That(simulated[v], Is.EqualTo(register[v]), $"{v.ToCode()}: the simulated list, in order, is the dispatched one");
        }
    }

    [Test]
    public async Task SelectAsync_ConfiguredDispatch_EqualsTheRealDispatchRegisterUnderTheSameSettings()
    {
        // The order before issue #20 (household first, a person on one list only), and a longer child list: the
        // simulated dispatch must follow whatever the configuration says, as the real one does.
        var other = folder + "-configured";
        Copy(folder, other);
        var config = Path.Combine(other, "appsettings.test.json");
        File.WriteAllText(config, """{ "Dispatch": { "Priority": [ "Household", "Child", "LonelyDeath" ], "OneVisitPerHousehold": false, "Quotas": { "Child": { "Count": 60000 } } } }""");
        try
        {
            await Must("dispatch", "2026Q3", "--data", other, "--config", config);
            var options = CliSettings.Load(new ConfigurationBuilder().AddJsonFile(config).Build()).Dispatch();
            var otherRoot = new DataRoot(other);
            var rankings = await ModelRankingsAsync(otherRoot);

            var simulated = (await new DispatchSimulationAdapter(options, FeedCatalog.LoadDefault()).SelectAsync(otherRoot, Dispatched, [rankings], CancellationToken.None)).Single();

            var register = Register(otherRoot.PastDispatches(Dispatched));
            var byDefault = Register(root.PastDispatches(Dispatched));
            Assert.That(register[Variant.Child], Has.Count.GreaterThan(byDefault[Variant.Child].Count), "the configured child quota is larger");
            Assert.That(register[Variant.Household], Is.Not.EqualTo(byDefault[Variant.Household]), "household chose first");
            foreach (var v in VariantNames.All)
            {
                Assert.That(simulated[v], Is.EqualTo(register[v]), $"{v.ToCode()}: the simulated list, in order, is the dispatched one");
            }
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }

    [Test]
    public async Task Evaluate_SampleQuarter_ReportsEveryVariantAndMethodOnTheDispatchedLists()
    {
        var version = Path.GetFileName(Directory.GetDirectories(Path.Combine(models, "child")).Single());

        var run = await CliRun.Of("evaluate", "--model", $"child/{version}", "--quarter", "2026Q2", "--data", folder, "--models", models);

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        var lines = run.Output.Split('\n').Where(l => l.TrimStart().StartsWith("dispatched", StringComparison.Ordinal)).ToList();
        // Five rankings × three variants, then each catalog rule cohort's own picks on the model's lists.
        var cohorts = FeedCatalog.LoadDefault().Cohorts;
        Assert.That(lines, Has.Count.EqualTo(15 + cohorts.Count), run.Output);
        Assert.That(lines.Where(l => l.Contains(RankingMethod.CohortPrefix, StringComparison.Ordinal)).Select(l => l.Split(RankingMethod.CohortPrefix)[1].Split(' ')[0]),
            Is.EqualTo(cohorts.Select(c => c.Code)));
        // A perfect ranking fills the first list (household) only with people in crisis, whatever the quota.
        Assert.That(lines.Single(l => l.Contains("household") && l.Contains("oracle")), Does.Contain("precision 1.000"));
        var html = File.ReadAllText(Path.Combine(models, "child", version, "evaluation", "2026Q2", "report.html"));
        Assert.That(html, Does.Contain("On the dispatched lists").And.Contain(RankingMethod.RuleOwn));
        Assert.That(html, Does.Contain("People supported last quarter"), "the sample's truth has supported_last_quarter");
        Assert.That(run.Output, Does.Contain("supported last quarter: ").And.Not.Contain("people helped"), "no counterfactual given");
    }

    [Test]
    public async Task Evaluate_SampleQuarter_ParityPerVariantAndDimensionAndTheScoreNamedForWhatItIs()
    {
        var version = Path.GetFileName(Directory.GetDirectories(Path.Combine(models, "household")).Single());

        var run = await CliRun.Of("evaluate", "--model", $"household/{version}", "--quarter", "2026Q2", "--data", folder, "--models", models, "--parity-band", "0.5,2");

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        var evaluation = Path.Combine(models, "household", version, "evaluation", "2026Q2");
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(evaluation, "evaluation.json")));
        var groups = json.RootElement.GetProperty("fairness").EnumerateArray().ToList();
        var dimensions = groups.GroupBy(g => (g.GetProperty("variant").GetString(), g.GetProperty("dimension").GetString())).ToList();
        Assert.That(dimensions, Has.Count.EqualTo(15), "3 variants × 시도, age band, sex, disability, household type");
        Assert.That(dimensions.All(d => d.Count(g => g.GetProperty("reference").GetBoolean()) == 1), "one reference group per dimension");
        Assert.That(json.RootElement.GetProperty("parityBand").EnumerateArray().Select(e => e.GetDouble()), Is.EqualTo(new[] { 0.5, 2.0 }));
        var household = groups.Where(g => g.GetProperty("variant").GetString() == "household" && g.GetProperty("dimension").GetString() == "sex").ToList();
        var listed = json.RootElement.GetProperty("dispatched").EnumerateArray().Single(e => e.GetProperty("variant").GetString() == "household" && e.GetProperty("method").GetString() == RankingMethod.Model);
        Assert.That(household.Sum(g => g.GetProperty("listed").GetInt32()), Is.EqualTo(listed.GetProperty("listed").GetInt32()), "the groups of a dimension partition the list");
        Assert.That(household.Sum(g => g.GetProperty("truePositives").GetInt32()), Is.EqualTo(listed.GetProperty("inCrisis").GetInt32()));
        var html = File.ReadAllText(Path.Combine(evaluation, "report.html"));
        Assert.That(html, Does.Contain("Parity on the dispatched lists").And.Contain("P(supported if visited)").And.Contain("Calibration on the audit rows"));
        Assert.That(html, Does.Contain("<h2>What the score is</h2><p>P(supported if visited): the probability that a municipal visit"));
        Assert.That(run.Output, Does.Contain("parity on the dispatched lists: ").And.Contain("P(supported if visited) on the audit: mean "));
    }

    [Test]
    public async Task Evaluate_OwnWorldAsCounterfactual_HelpsNobody()
    {
        var version = Path.GetFileName(Directory.GetDirectories(Path.Combine(models, "child")).Single());

        var run = await CliRun.Of("evaluate", "--model", $"child/{version}", "--quarter", "2026Q2", "--data", folder, "--models", models, "--counterfactual", folder);

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(models, "child", version, "evaluation", "2026Q2", "evaluation.json")));
        var helped = json.RootElement.GetProperty("helped");
        var counterfactual = helped.GetProperty("counterfactual");
        Assert.That(helped.GetProperty("supported").GetInt32(), Is.GreaterThan(0));
        Assert.That(counterfactual.GetProperty("matched").GetInt32(), Is.EqualTo(helped.GetProperty("supported").GetInt32()), "every supported person is in their own world");
        Assert.That(counterfactual.GetProperty("inCrisisWithout").GetInt32(), Is.EqualTo(helped.GetProperty("inCrisis").GetInt32()));
        Assert.That(counterfactual.GetProperty("helped").GetInt32(), Is.Zero);
        Assert.That(run.Output, Does.Contain("people helped: 0 [0.0, 0.0]"));
    }

    [Test]
    public async Task Train_TruthOfTheValidQuarter_CardHoldsTheSameDispatchedListsAsEvaluate()
    {
        var trainModels = Path.Combine(folder, "models-train");
        Copy(Path.Combine(RepositoryFolder.Root, "models"), trainModels);
        var before = Directory.GetDirectories(Path.Combine(trainModels, "child"));

        await Must("train", "--variant", "child", "--train", "2026Q1", "--valid", "2026Q2", "--trees", "20", "--leaves", "8", "--data", folder, "--models", trainModels);
        var version = Path.GetFileName(Directory.GetDirectories(Path.Combine(trainModels, "child")).Except(before).Single());
        var card = ModelCard.Load(Path.Combine(trainModels, "child", version, ModelCard.FileName));
        await Must("evaluate", "--model", $"child/{version}", "--quarter", "2026Q2", "--data", folder, "--models", trainModels);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(trainModels, "child", version, "evaluation", "2026Q2", "evaluation.json")));

        Assert.That(card.Metrics.Dispatched, Has.Count.EqualTo(15 + FeedCatalog.LoadDefault().Cohorts.Count), "five rankings × three variants, and each rule cohort");
        Assert.That(card.Metrics.Dispatched!.Single(l => l.Variant == "household" && l.Method == RankingMethod.Oracle).Precision, Is.EqualTo(1.0));
        var evaluated = json.RootElement.GetProperty("dispatched").EnumerateArray()
            .Select(e => (e.GetProperty("variant").GetString(), e.GetProperty("method").GetString(), e.GetProperty("listed").GetInt32(), e.GetProperty("inCrisis").GetInt32()));
        Assert.That(card.Metrics.Dispatched!.Select(l => (l.Variant, l.Method, l.Listed, l.InCrisis)), Is.EqualTo(evaluated));
    }

    [Test]
    public async Task Train_LiveModelOnOtherFeatures_CardWithoutDispatchedListsAndSaysWhy()
    {
        var trainModels = Path.Combine(folder, "models-other-features");
        Copy(Path.Combine(RepositoryFolder.Root, "models"), trainModels);
        var household = Directory.GetDirectories(Path.Combine(trainModels, "household")).Single();
        var cardPath = Path.Combine(household, ModelCard.FileName);
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(cardPath))!;
        node["features"]!.AsArray().Add("a_feature_of_another_build");
        File.WriteAllText(cardPath, node.ToJsonString());
        var before = Directory.GetDirectories(Path.Combine(trainModels, "child"));

        var run = await CliRun.Of("train", "--variant", "child", "--train", "2026Q1", "--valid", "2026Q2", "--trees", "5", "--leaves", "4", "--data", folder, "--models", trainModels);

        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Output, Does.Contain($"dispatched lists not measured: household/{Path.GetFileName(household)} (live) reads other features"));
        var version = Directory.GetDirectories(Path.Combine(trainModels, "child")).Except(before).Single();
        Assert.That(ModelCard.Load(Path.Combine(version, ModelCard.FileName)).Metrics.Dispatched, Is.Null);
    }

    [Test]
    public void Measure_HandCheckedList_PrecisionRecallAndPrefixes()
    {
        // 5 listed, in crisis at positions 1, 2 and 5; 6 eligible in crisis in all.
        long[] listed = [10, 20, 30, 40, 50];
        var inCrisis = new HashSet<long> { 10, 20, 50, 60, 70, 80 };

        var list = DispatchedEvaluation.Measure(Variant.Child, RankingMethod.Model, listed, inCrisis);

        Assert.That((list.Listed, list.InCrisis, list.EligibleInCrisis), Is.EqualTo((5, 3, 6)));
        Assert.That(list.Precision, Is.EqualTo(0.6));
        Assert.That(list.Recall, Is.EqualTo(0.5));
        Assert.That(list.PrecisionAtK.Select(p => (p.K, p.InCrisis)), Is.EqualTo(new[] { (2, 2), (3, 2), (5, 3) }));
        Assert.That(list.PrecisionLow, Is.LessThan(0.6));
        Assert.That(list.PrecisionHigh, Is.GreaterThan(0.6));
    }

    /// <summary>The live models' rankings of <see cref="Dispatched"/> under <paramref name="data"/>, as <c>evaluate</c> builds them.</summary>
    private async Task<IReadOnlyDictionary<Variant, IReadOnlyList<long>>> ModelRankingsAsync(DataRoot data)
    {
        var registry = new ModelRegistry(models);
        var live = VariantNames.All.ToDictionary(v => v, v => registry.LoadLive(v)!);
        var ensembles = live.ToDictionary(l => l.Key, l => l.Value.Ensemble);
        var truth = new Dictionary<Variant, Dictionary<long, (bool, float)>>();
        foreach (var v in VariantNames.All)
        {
            truth[v] = await TruthReader.ReadAsync(data.Truth(Dispatched), v, Pseudonymizer.ForSampleData(), CancellationToken.None);
        }

        var rankings = await DispatchRankings.BuildAsync(data, Dispatched, ensembles, live[Variant.Household].Card.Features, FeedCatalog.LoadDefault(), truth, 20260101, CancellationToken.None);
        return rankings.ByMethod[0];
    }

    /// <summary>Person keys per variant in worklist position order (the last six digits of the worklist id).</summary>
    private static Dictionary<Variant, List<long>> Register(string path)
    {
        var keys = Pseudonymizer.ForSampleData();
        var lines = File.ReadAllLines(path);
        var header = lines[0].TrimStart('\uFEFF').Split(',').ToList();
        int variant = header.IndexOf("variant"), resident = header.IndexOf("resident_no"), id = header.IndexOf("worklist_id");
        return lines.Skip(1).Select(l => l.Split(','))
            .GroupBy(f => VariantNames.Parse(f[variant]))
            .ToDictionary(g => g.Key, g => g.OrderBy(f => int.Parse(f[id][^6..], CultureInfo.InvariantCulture)).Select(f => keys.Person(f[resident]).Value).ToList());
    }

    private static async Task Must(params string[] args)
    {
        var run = await CliRun.Of(args);
        Assert.That(run.ExitCode, Is.Zero, $"blindspot {string.Join(' ', args)}: {run.Error}{run.Output}");
    }

    private static void Copy(string source, string target)
    {
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
    }
}
