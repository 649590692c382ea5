using BlindSpot.Simulation.Tests.TestSupport;

namespace BlindSpot.Simulation.Tests.Dispatches;

public sealed class OutcomeModelTests
{
    private static List<string[]> Outcomes(out Dictionary<string, TruthRow>[] truths, out List<string> quarters)
    {
        var (root, report) = Generated.Standard;
        quarters = [.. report.Quarters.SkipLast(1).Select(q => q.Quarter)];
        truths = [.. quarters.Select(q => TruthRow.Read(root, Generated.Range(q).First))];
        return [.. quarters.SelectMany(q =>
        {
            var rows = CsvText.Parse(CsvText.Decode(File.ReadAllBytes(root.Outcomes(Generated.Range(q).First)), Core.Catalog.TextEncodings.StrictUtf8), ',');
            return rows.Skip(1);
        })];
    }

    [Test]
    public void Decide_OverallShares_LookLikeReportedFieldChecks()
    {
        var rows = Outcomes(out _, out _);
        double Share(string outcome) => rows.Count(r => r[4] == outcome) / (double)rows.Count;

        // 2015-2024: 44-58 % supported, 11-14 % not eligible (plus those who needed nothing), 6-12 % unreachable.
        Assert.That(Share("supported"), Is.InRange(0.45, 0.60));
        Assert.That(Share("not_eligible"), Is.InRange(0.25, 0.40));
        Assert.That(Share("unreachable"), Is.InRange(0.05, 0.12));
        Assert.That(rows.Select(r => r[4]).Distinct(), Is.EquivalentTo(new[] { "supported", "not_eligible", "unreachable" }));
    }

    [Test]
    public void Decide_TrulyInCrisis_IsSupportedMoreOften()
    {
        var rows = Outcomes(out var truths, out var quarters);
        var variants = new[] { "household", "child", "lonely_death" };
        var positive = new List<double>();
        var negative = new List<double>();
        foreach (var row in rows)
        {
            var truth = truths[quarters.IndexOf(row[0])][row[2]];
            (truth.InCrisis[Array.IndexOf(variants, row[1])] ? positive : negative).Add(row[4] == "supported" ? 1 : 0);
        }

        Assert.That(positive.Average(), Is.GreaterThan(negative.Average() + 0.2));
    }

    [Test]
    public void Write_DispatchesAndOutcomes_ExistForEveryQuarterButTheLast()
    {
        var (root, report) = Generated.Standard;
        var last = Generated.Range(report.Quarters[^1].Quarter).First;

        Assert.That(File.Exists(root.PastDispatches(last)), Is.False);
        Assert.That(report.Quarters.SkipLast(1).Select(q => File.Exists(root.PastDispatches(Generated.Range(q.Quarter).First))), Has.All.True);
        foreach (var quarter in report.Quarters.SkipLast(1))
        {
            var rows = CsvText.Parse(CsvText.Decode(File.ReadAllBytes(root.PastDispatches(Generated.Range(quarter.Quarter).First)), Core.Catalog.TextEncodings.StrictUtf8), ',');
            var household = rows.Skip(1).Where(r => r[1] == "household" && r[5] == "rule").ToList();

            Assert.That(household, Has.Count.EqualTo((int)Math.Round(0.012 * quarter.RosterRows)));
            Assert.That(household.Select(r => r[3]), Is.Unique, "one entry per household");
            Assert.That(rows.Skip(1).Count(r => r[5] == "audit"), Is.GreaterThan(0));
        }
    }
}
