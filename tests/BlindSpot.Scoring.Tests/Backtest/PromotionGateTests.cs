using System.Text.Json;
using BlindSpot.Scoring.Tests.TestSupport;

namespace BlindSpot.Scoring.Tests.Backtest;

/// <summary>
/// The committed sample with every labelled quarter (2025Q3–2026Q2) ingested, featured and its outcomes imported, so the
/// backtest has three folds (2025Q4, 2026Q1, 2026Q2), and the committed models (100 × 8 trees) live.
/// </summary>
[TestFixture]
internal sealed class PromotionGateTests
{
    private static readonly string[] Quarters = ["2025Q3", "2025Q4", "2026Q1", "2026Q2"];
    private string folder = null!;

    [OneTimeSetUp]
    public async Task PrepareSample()
    {
        folder = Path.Combine(Path.GetTempPath(), $"blindspot-gate-{Environment.ProcessId}");
        SampleCopy.Copy(Path.Combine(RepositoryFolder.Root, "sample-data"), folder);
        foreach (var q in Quarters)
        {
            // The sample's small feeds swing more than the ±25 % volume check allows from quarter to quarter.
            await Must("ingest", q, "--data", folder, "--accept-volume-change");
            await Must("outcomes", "import", Path.Combine(folder, "outcomes", q, "outcomes.csv"), "--quarter", q, "--data", folder);
            await Must("features", q, "--data", folder);
        }
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
    public async Task Promote_OneTreeCandidateAgainstLive_RefusedAsWorseBeyondNoiseUnlessForced()
    {
        var models = ModelsCopy("weak-candidate");
        var live = LiveVersion(models);
        var weak = await Train(models, "--trees", "1", "--leaves", "2");

        var refused = await CliRun.Of("models", "promote", $"household/{weak}", "--data", folder, "--models", models);

        Assert.That(refused.ExitCode, Is.Not.Zero, refused.Output);
        Assert.That(refused.Output, Does.Contain("gate: backtest precision of the dispatched list against the truth").And.Contain("3 fold(s) 2025Q4,2026Q1,2026Q2").And.Contain("worse beyond noise"));
        Assert.That(refused.Error, Does.Contain("Refusing to promote").And.Contain("worse beyond noise"));
        Assert.That(LiveVersion(models), Is.EqualTo(live));

        var forced = await CliRun.Of("models", "promote", $"household/{weak}", "--force", "--data", folder, "--models", models);

        Assert.That(forced.ExitCode, Is.Zero, forced.Error);
        using var pointer = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(models, "household", "live.json")));
        Assert.That(pointer.RootElement.GetProperty("version").GetString(), Is.EqualTo(weak));
        Assert.That(pointer.RootElement.GetProperty("forced").GetBoolean(), Is.True);
        Assert.That(pointer.RootElement.GetProperty("note").GetString(), Does.Contain("forced: the backtest").And.Contain("candidate 0."));
    }

    [Test]
    public async Task Promote_StrongCandidateAgainstOneTreeLive_Accepted()
    {
        var models = ModelsCopy("strong-candidate");
        var weak = await Train(models, "--trees", "1", "--leaves", "2");
        await Must("models", "promote", $"household/{weak}", "--force", "--data", folder, "--models", models);
        var strong = await Train(models, "--trees", "100", "--leaves", "8", "--learning-rate", "0.05", "--seed", "7");

        var run = await CliRun.Of("models", "promote", $"household/{strong}", "--data", folder, "--models", models);

        Assert.That(run.ExitCode, Is.Zero, run.Error + run.Output);
        Assert.That(run.Output, Does.Contain("better beyond noise"));
        Assert.That(LiveVersion(models), Is.EqualTo(strong));
        var card = Scoring.Models.ModelCard.Load(Path.Combine(models, "household", strong, Scoring.Models.ModelCard.FileName));
        Assert.That(card.Metrics.Fairness!.Select(g => (g.Variant, g.Dimension)).Distinct().Count(), Is.EqualTo(15), "the card holds parity per variant and dimension");
    }

    [Test]
    public async Task Backtest_TwoRecipes_OneMarkdownRowEachAndTheStumpWorseThanTheFirst()
    {
        var models = ModelsCopy("backtest-verb");

        var run = await CliRun.Of("models", "backtest", "--variant", "household", "--folds", "2", "--recipe", "40x8@0.1/20", "--recipe", "1x2@0.1/20", "--data", folder, "--models", models);

        Assert.That(run.ExitCode, Is.Zero, run.Error + run.Output);
        Assert.That(run.Output, Does.Contain("household: 2 fold(s), listed 2026Q1 ").And.Contain("primary metric: precision of the dispatched list against the truth"));
        var rows = run.Output.Split('\n').Where(l => l.StartsWith("| 40x8", StringComparison.Ordinal) || l.StartsWith("| 1x2", StringComparison.Ordinal)).ToList();
        Assert.That(rows, Has.Count.EqualTo(2));
        Assert.That(rows[1], Does.Contain(" worse, lower on "));
    }

    private string ModelsCopy(string name)
    {
        var models = Path.Combine(folder, name);
        SampleCopy.Copy(Path.Combine(RepositoryFolder.Root, "models"), models);
        return models;
    }

    private async Task<string> Train(string models, params string[] settings)
    {
        var before = Directory.GetDirectories(Path.Combine(models, "household"));
        await Must(["train", "--variant", "household", "--train", "2025Q3..2026Q1", "--valid", "2026Q2", "--data", folder, "--models", models, .. settings]);
        return Path.GetFileName(Directory.GetDirectories(Path.Combine(models, "household")).Except(before).Single());
    }

    private static string LiveVersion(string models)
    {
        using var pointer = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(models, "household", "live.json")));
        return pointer.RootElement.GetProperty("version").GetString()!;
    }

    private static async Task Must(params string[] args)
    {
        var run = await CliRun.Of(args);
        Assert.That(run.ExitCode, Is.Zero, $"blindspot {string.Join(' ', args)}: {run.Error}{run.Output}");
    }
}
