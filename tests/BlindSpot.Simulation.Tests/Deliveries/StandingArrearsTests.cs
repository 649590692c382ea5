using BlindSpot.Core.Catalog;
using BlindSpot.Simulation.Deliveries;
using BlindSpot.Simulation.Tests.TestSupport;

namespace BlindSpot.Simulation.Tests.Deliveries;

/// <summary>Chronic non-payers: a stable minority whose standing records look the same quarter after quarter.</summary>
public sealed class StandingArrearsTests
{
    [Test]
    public void IsChronic_ManyHouseholds_HoldsHouseholdShareAndDependsOnTheSeed()
    {
        const int households = 200_000;
        var chronic = Enumerable.Range(0, households).Count(h => StandingArrears.IsChronic(7, h));

        // 4 binomial standard deviations around the documented share.
        var expected = households * StandingArrears.HouseholdShare;
        Assert.That(chronic, Is.EqualTo(expected).Within(4 * Math.Sqrt(expected)));
        var seven = Enumerable.Range(0, 10_000).Where(h => StandingArrears.IsChronic(7, h)).ToList();
        var eight = Enumerable.Range(0, 10_000).Where(h => StandingArrears.IsChronic(8, h)).ToList();
        Assert.That(seven.Intersect(eight).Count(), Is.LessThan(seven.Count / 2), "another seed, other households");
    }

    [Test]
    public void Write_ChronicNonPayers_DeliverTheSameArrearsEveryQuarter()
    {
        // A household with one health-insurance arrears record in two quarters running, with the same months and the
        // same amount to the won, is a standing record: a crisis-driven record redraws both every quarter.
        var (root, report) = Generated.Standard;
        var feed = Generated.Catalog.GetFeed("health_insurance_arrears");
        var months = feed.Columns.ToList().FindIndex(c => c.Role == ColumnRole.Months);
        var amount = feed.Columns.ToList().FindIndex(c => c.Role == ColumnRole.Amount);
        var before = Single(Delivery.Read(root, Generated.Range(report.Quarters[^2].Quarter).First, feed), months, amount);
        var after = Single(Delivery.Read(root, Generated.Range(report.Quarters[^1].Quarter).First, feed), months, amount);

        var unchanged = before.Count(b => after.TryGetValue(b.Key, out var a) && a == b.Value);

        // Households × share × rate × delivered twice, less those whose crisis or base rate drew a record instead.
        var sim = feed.Simulation!;
        var expected = report.Quarters[^1].Households * StandingArrears.HouseholdShare * sim.ChronicRate
            * Math.Pow(StandingArrears.DeliveredShare * (1 - sim.BaseRate), 2);
        Assert.That(unchanged, Is.InRange(0.7 * expected, 1.1 * expected));
    }

    [Test]
    public void Fill_LongerCrisis_DeepensArrearsButNotStandingRecords()
    {
        var catalog = Generated.Catalog;
        var feed = catalog.GetFeed("electricity_arrears");
        var plan = new FeedPlan(catalog, feed, catalog.Feeds.ToList().IndexOf(feed));
        var months = feed.Columns.ToList().FindIndex(c => c.Role == ColumnRole.Months);
        float[] crisis = [0.7f, 0, 0, 0, 0];
        float[] none = [0, 0, 0, 0, 0];

        var newCrisis = MeanMonths(plan, crisis, crisisQuarters: 1, months);
        var lastingCrisis = MeanMonths(plan, crisis, crisisQuarters: 6, months);
        var standing = MeanMonths(plan, none, crisisQuarters: 0, months);
        var standingLater = MeanMonths(plan, none, crisisQuarters: 6, months);

        Assert.That(lastingCrisis, Is.GreaterThan(newCrisis + 2), "a crisis's arrears deepen as it lasts");
        Assert.That(standingLater, Is.EqualTo(standing).Within(0.2), "no severity, no deepening");
        Assert.That(standing, Is.LessThan(newCrisis));
    }

    private static double MeanMonths(FeedPlan plan, float[] severity, int crisisQuarters, int months)
    {
        var rng = new Randomness.RandomStream(42);
        var values = new double[plan.Columns.Count];
        double sum = 0;
        const int draws = 20_000;
        for (var i = 0; i < draws; i++)
        {
            RecordFiller.Fill(ref rng, plan, severity, crisisQuarters, 0, 90, values);
            sum += values[months];
        }

        return sum / draws;
    }

    /// <summary>Household → (months, amount) of households with exactly one record.</summary>
    private static Dictionary<string, (string, string)> Single(Delivery delivery, int months, int amount) =>
        delivery.Rows.Where(r => r.Length > Math.Max(months, amount)).GroupBy(r => r[0]).Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => (g.First()[months], g.First()[amount]), StringComparer.Ordinal);
}
