using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Scoring.Evaluation;
using BlindSpot.Scoring.Tests.TestSupport;
using Parquet;

namespace BlindSpot.Scoring.Tests.Evaluation;

/// <summary>
/// A tiny generated world and its counterfactual (same seed, <c>--intervention-effect 0</c>): 2026Q1's dispatch is the
/// first, so 2026Q2's truth marks the people it supported; the counts are checked against the truth files read by hand.
/// </summary>
[TestFixture]
internal sealed class PeopleHelpedEvaluationTests
{
    private static readonly Quarter Evaluated = Quarter.Parse("2026Q2");
    private string folder = null!;
    private DataRoot world = null!;
    private DataRoot counterfactual = null!;

    [OneTimeSetUp]
    public async Task Generate()
    {
        folder = Path.Combine(Path.GetTempPath(), $"blindspot-helped-{Environment.ProcessId}");
        world = new DataRoot(Path.Combine(folder, "with"));
        counterfactual = new DataRoot(Path.Combine(folder, "without"));
        // 20,000 people: enough supported households (~100) for the effect to show, as in the simulator's InterventionTests.
        string[] common = ["generate", "--people", "20000", "--quarters", "2026Q1..2026Q2", "--seed", "21"];
        Assert.That((await CliRun.Of([.. common, "--out", world.Path])).ExitCode, Is.Zero);
        Assert.That((await CliRun.Of([.. common, "--out", counterfactual.Path, "--intervention-effect", "0"])).ExitCode, Is.Zero);
    }

    [OneTimeTearDown]
    public void Delete()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestCase(Variant.Household)]
    [TestCase(Variant.LonelyDeath)]
    public async Task RunAsync_WithoutCounterfactual_CountsSupportedPeopleInCrisisAsTheTruthSays(Variant variant)
    {
        var truth = await ReadByHand(world.Truth(Evaluated), variant);
        var supported = truth.Values.Where(t => t.Supported).ToList();

        var helped = (await PeopleHelpedEvaluation.RunAsync(world.Truth(Evaluated), null, variant, Pseudonymizer.ForSampleData(), CancellationToken.None))!;

        Assert.That(supported, Has.Count.GreaterThan(100), "the first dispatch supported someone");
        Assert.That(helped.Supported, Is.EqualTo(supported.Count));
        Assert.That(helped.InCrisis, Is.EqualTo(supported.Count(t => t.InCrisis)));
        Assert.That(helped.NotInCrisis, Is.EqualTo(supported.Count(t => !t.InCrisis)));
        Assert.That(helped.Counterfactual, Is.Null);
    }

    [Test]
    public async Task RunAsync_WithCounterfactual_HelpedIsCrisesWithoutMinusWithForTheSamePeople()
    {
        var with = await ReadByHand(world.Truth(Evaluated), Variant.Household);
        var without = await ReadByHand(counterfactual.Truth(Evaluated), Variant.Household);
        var supported = with.Where(t => t.Value.Supported).Select(t => t.Key).ToList();
        var matched = supported.Where(without.ContainsKey).ToList();

        var helped = (await PeopleHelpedEvaluation.RunAsync(world.Truth(Evaluated), counterfactual.Truth(Evaluated), Variant.Household, Pseudonymizer.ForSampleData(), CancellationToken.None))!;
        var c = helped.Counterfactual!;

        Assert.That(c.Matched, Is.EqualTo(matched.Count));
        Assert.That(c.Unmatched, Is.EqualTo(supported.Count - matched.Count));
        Assert.That(c.InCrisisWithSupport, Is.EqualTo(matched.Count(k => with[k].InCrisis)));
        Assert.That(c.InCrisisWithout, Is.EqualTo(matched.Count(k => without[k].InCrisis)));
        Assert.That(c.Households, Is.EqualTo(matched.Select(k => with[k].Household).Distinct().Count()));
        Assert.That(c.Helped, Is.GreaterThan(0), $"support lowers later crises ({c.InCrisisWithout} without vs {c.InCrisisWithSupport} with)");
        Assert.That(c.Helped, Is.InRange(c.HelpedLow, c.HelpedHigh));
        Assert.That(c.HelpedHigh, Is.GreaterThan(c.HelpedLow));
    }

    [Test]
    public void RunAsync_CounterfactualWithoutTheQuarter_FailsNamingTheFile()
    {
        var missing = new DataRoot(Path.Combine(folder, "nowhere")).Truth(Evaluated);

        var error = Assert.ThrowsAsync<InvalidDataException>(() => PeopleHelpedEvaluation.RunAsync(world.Truth(Evaluated), missing, Variant.Household, Pseudonymizer.ForSampleData(), CancellationToken.None));

        Assert.That(error!.Message, Does.Contain(missing).And.Contain("--intervention-effect 0"));
    }

    [Test]
    public void Interval_HouseholdDifferences_IsTotalPlusMinusZTimesClusteredSpread()
    {
        // Differences 1, 1, 0, 2: mean 1, sample variance 2/3, so the half-width is 1.96 × √(4 × 2/3).
        var (low, high) = PeopleHelpedEvaluation.Interval(4, [1, 1, 0, 2]);

        Assert.That(high - low, Is.EqualTo(2 * 1.959964 * Math.Sqrt(4 * 2.0 / 3)).Within(1e-9));
        Assert.That((low + high) / 2, Is.EqualTo(4).Within(1e-9));
    }

    /// <summary>The truth by raw resident number (the same in both worlds), read without the code under test.</summary>
    private static async Task<Dictionary<string, (bool Supported, bool InCrisis, string Household)>> ReadByHand(string path, Variant variant)
    {
        var result = new Dictionary<string, (bool, bool, string)>(StringComparer.Ordinal);
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.DataFields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var rows = (int)group.RowCount;
            var residents = new string?[rows];
            var households = new string?[rows];
            var supported = new bool[rows];
            var crisis = new bool[rows];
            await group.ReadAsync(fields["resident_no"], residents.AsMemory());
            await group.ReadAsync(fields["household_no"], households.AsMemory());
            await group.ReadAsync(fields["supported_last_quarter"], supported.AsMemory());
            await group.ReadAsync(fields[variant.ToCode() + "_in_crisis"], crisis.AsMemory());
            for (var r = 0; r < rows; r++)
            {
                result[residents[r]!] = (supported[r], crisis[r], households[r]!);
            }
        }

        return result;
    }
}
