using BlindSpot.Simulation.Tests.TestSupport;

namespace BlindSpot.Simulation.Tests.Roster;

public sealed class HouseholdComposerTests
{
    // Shares of households by size from the 2023 census: 33 / 24 / 20 / 17 / 6 % for 1 / 2 / 3 / 4 / 5+ people.
    [TestCase(1, 0.33)]
    [TestCase(2, 0.24)]
    [TestCase(3, 0.20)]
    [TestCase(4, 0.17)]
    [TestCase(5, 0.06)]
    public void Compose_HouseholdSizes_FollowTheCensusWithinThreePoints(int size, double share)
    {
        var (root, report) = Generated.Standard;
        var roster = RosterRow.Read(root, Generated.Range(report.Quarters[0].Quarter).First);

        var sizes = roster.Where(r => r.Status == "R").GroupBy(r => r.HouseholdNo).Select(g => Math.Min(5, g.Count())).ToList();

        Assert.That(sizes.Count(s => s == size) / (double)sizes.Count, Is.EqualTo(share).Within(0.03));
    }

    [Test]
    public void Compose_EveryChild_LivesWithAnAdult()
    {
        var (root, report) = Generated.Standard;
        foreach (var quarter in report.Quarters.Select(q => Generated.Range(q.Quarter).First))
        {
            var residents = RosterRow.Read(root, quarter).Where(r => r.Status == "R").ToList();
            var withAdult = residents.Where(r => r.Age >= 18).Select(r => r.HouseholdNo).ToHashSet();

            Assert.That(residents.Where(r => r.Age <= 17 && !withAdult.Contains(r.HouseholdNo)), Is.Empty, quarter.ToString());
        }
    }

    [Test]
    public void Compose_AgeStructure_LooksKorean()
    {
        var (root, report) = Generated.Standard;
        var ages = RosterRow.Read(root, Generated.Range(report.Quarters[0].Quarter).First).Select(r => r.Age).ToList();

        // Korea 2025: about 13 % aged 0-17 and 20 % aged 65+ (KOSTAT); loose bands, the households drive the rest.
        Assert.That(ages.Count(a => a <= 17) / (double)ages.Count, Is.InRange(0.09, 0.20));
        Assert.That(ages.Count(a => a >= 65) / (double)ages.Count, Is.InRange(0.14, 0.30));
    }
}
