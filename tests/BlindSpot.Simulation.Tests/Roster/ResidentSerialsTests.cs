using BlindSpot.Core.Keys;
using BlindSpot.Simulation.Roster;
using BlindSpot.Simulation.Tests.TestSupport;

namespace BlindSpot.Simulation.Tests.Roster;

public sealed class ResidentSerialsTests
{
    [Test]
    public void Next_SameDaySexAndSido_GivesDistinctSerials()
    {
        var serials = new ResidentSerials(17);
        var day = new DateOnly(1980, 5, 5).DayNumber;

        var made = Enumerable.Range(0, 500).Select(_ => serials.Next(3, day, male: true)).ToList();

        Assert.That(made, Is.Unique);
        Assert.That(made, Has.All.LessThan(ResidentSerials.FirstUnknownSerial));
    }

    [Test]
    public void Roster_ResidentNumbers_AreUniqueAndValidAndHouseholdsHaveOneHead()
    {
        var (root, report) = Generated.Standard;
        foreach (var quarter in report.Quarters.Select(q => Generated.Range(q.Quarter).First))
        {
            var roster = RosterRow.Read(root, quarter);

            Assert.That(roster.Select(r => r.ResidentNo), Is.Unique);
            Assert.That(roster.Where(r => ResidentNumber.Validate(r.ResidentNo) is not null), Is.Empty);
            Assert.That(roster.GroupBy(r => r.HouseholdNo).Where(g => g.Count(r => r.IsHead) != 1), Is.Empty, "one 세대주 per household");
            Assert.That(roster.GroupBy(r => r.HouseholdNo).Where(g => g.Select(r => r.Sigungu).Distinct().Count() != 1 || !g.Key.StartsWith(g.First().Sigungu, StringComparison.Ordinal)), Is.Empty);
        }
    }

    [Test]
    public void Roster_Leavers_AppearOnceWithADateInsideTheQuarterThenAreGone()
    {
        var (root, report) = Generated.Standard;
        var first = Generated.Range(report.Quarters[0].Quarter).First;
        var now = RosterRow.Read(root, first);
        var next = RosterRow.Read(root, first.Next).Select(r => r.ResidentNo).ToHashSet();

        var leavers = now.Where(r => r.Status is "D" or "M").ToList();

        Assert.That(leavers, Is.Not.Empty);
        Assert.That(leavers.Where(r => next.Contains(r.ResidentNo)), Is.Empty);
        Assert.That(report.Quarters[1].Residents, Is.EqualTo(30_000), "newcomers keep the resident count");
    }
}
