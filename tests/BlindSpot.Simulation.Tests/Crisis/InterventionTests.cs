using BlindSpot.Simulation.Tests.TestSupport;

namespace BlindSpot.Simulation.Tests.Crisis;

public sealed class InterventionTests
{
    private static (Core.Paths.DataRoot Root, Reporting.SimulationReport Report) Run(double effect)
    {
        var options = Some.Options(20_000, "2026Q1..2026Q2", seed: 21);
        options.InterventionEffect = effect;
        return Generated.Get(options);
    }

    [Test]
    public void RunAsync_SupportedHouseholds_AreLessSevereNextQuarterThanInTheCounterfactual()
    {
        var (helpedRoot, helped) = Run(1);
        var (counterRoot, counter) = Run(0);
        var first = Generated.Range("2026Q1").First;
        var second = Generated.Range("2026Q2").First;

        // 2026Q1's dispatch and outcomes are the same in both runs (nothing differs before support acts) ...
        Assert.That(File.ReadAllBytes(helpedRoot.Outcomes(first)), Is.EqualTo(File.ReadAllBytes(counterRoot.Outcomes(first))));
        var supported = SupportedHouseholds(helpedRoot, first);
        Assert.That(supported, Has.Count.GreaterThan(100));

        // ... so the same households are compared a quarter later, with and without the effect of their support.
        var withSupport = MeanMaxSeverity(TruthRow.Read(helpedRoot, second), supported);
        var without = MeanMaxSeverity(TruthRow.Read(counterRoot, second), supported);
        Assert.That(withSupport, Is.LessThan(without * 0.9), $"with support {withSupport:0.000}, counterfactual {without:0.000}");
        Assert.That(helped.Quarters[1].Intervention!.MeanMaxSeverity, Is.LessThan(counter.Quarters[1].Intervention!.MeanMaxSeverity));
        Assert.That(counter.Quarters[1].Intervention!.Effect, Is.Zero);
    }

    [Test]
    public void RunAsync_TruthOfTheNextQuarter_MarksExactlyTheSupportedHouseholds()
    {
        var (root, _) = Run(1);
        var supported = SupportedHouseholds(root, Generated.Range("2026Q1").First);

        var next = TruthRow.Read(root, Generated.Range("2026Q2").First).Values;

        Assert.That(next.Where(t => t.SupportedLastQuarter).Select(t => t.HouseholdNo).ToHashSet(), Is.EquivalentTo(next.Select(t => t.HouseholdNo).Where(supported.Contains).ToHashSet()));
        Assert.That(TruthRow.Read(root, Generated.Range("2026Q1").First).Values.Any(t => t.SupportedLastQuarter), Is.False, "no dispatch before the first quarter");
    }

    private static HashSet<string> SupportedHouseholds(Core.Paths.DataRoot root, Core.Quarters.Quarter quarter)
    {
        var truth = TruthRow.Read(root, quarter);
        var rows = CsvText.Parse(CsvText.Decode(File.ReadAllBytes(root.Outcomes(quarter)), Core.Catalog.TextEncodings.StrictUtf8), ',').Skip(1);
        return [.. rows.Where(r => r[4].StartsWith("supported_", StringComparison.Ordinal)).Select(r => truth[r[2]].HouseholdNo)];
    }

    private static double MeanMaxSeverity(Dictionary<string, TruthRow> truth, HashSet<string> households) =>
        truth.Values.Where(t => households.Contains(t.HouseholdNo)).GroupBy(t => t.HouseholdNo).Average(g => g.First().Severity.Max());
}
