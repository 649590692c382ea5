using BlindSpot.Core.Quarters;
using BlindSpot.Simulation.Randomness;
using BlindSpot.Simulation.Reporting;

namespace BlindSpot.Simulation.Roster;

/// <summary>
/// Moves the population into a new quarter: those who left last quarter are dropped, some die (by age) or move out
/// (whole households), children left without an adult move out with them, newborns arrive in young families and new
/// households move in so the number of residents stays at the asked size.
/// </summary>
internal sealed class PopulationDynamics(People people, Households households, HouseholdComposer composer, RegionTable regions, ulong seed)
{
    /// <summary>Share of households moving out of the country's roster per quarter (≈0.4 % of people).</summary>
    private const double MoveOutRate = 0.004;

    /// <summary>Per-quarter chance of a birth in a couple with a woman aged 22–44 (≈0.11 % of people a quarter, TFR ≈ 0.7).</summary>
    private const double BirthRate = 0.02;

    public Demography Advance(Quarter quarter, int targetResidents)
    {
        DropLeavers();
        var (start, members) = ResidentMembers();
        var q = QuarterIndex.Of(quarter);
        int died = 0, moved = 0, born = 0;
        var households0 = households.Count;
        for (var h = 0; h < households0; h++)
        {
            if (start[h] == start[h + 1])
            {
                continue;
            }

            var span = members.AsSpan(start[h], start[h + 1] - start[h]);
            var (d, m) = Leave(quarter, q, h, span);
            died += d;
            moved += m;
            ReassignHead(quarter, h, span);
            born += Birth(quarter, q, h, span);
        }

        var residents = 0;
        for (var id = 0; id < people.Count; id++)
        {
            residents += people.Status[id] == PersonStatus.Resident ? 1 : 0;
        }

        return new Demography(died, moved, born, MoveIn(quarter, q, targetResidents - residents));
    }

    private void DropLeavers()
    {
        for (var id = 0; id < people.Count; id++)
        {
            if (people.Status[id] is PersonStatus.Died or PersonStatus.MovedOut)
            {
                people.Status[id] = PersonStatus.Gone;
            }
        }
    }

    private (int[] Start, int[] Members) ResidentMembers()
    {
        var start = new int[households.Count + 1];
        for (var id = 0; id < people.Count; id++)
        {
            if (people.Status[id] == PersonStatus.Resident)
            {
                start[people.Household[id] + 1]++;
            }
        }

        for (var h = 0; h < households.Count; h++)
        {
            start[h + 1] += start[h];
        }

        var fill = start[..^1];
        var members = new int[start[^1]];
        for (var id = 0; id < people.Count; id++)
        {
            if (people.Status[id] == PersonStatus.Resident)
            {
                members[fill[people.Household[id]]++] = id;
            }
        }

        return (start, members);
    }

    private (int Died, int Moved) Leave(Quarter quarter, long q, int household, Span<int> members)
    {
        var days = quarter.LastDay.DayNumber - quarter.FirstDay.DayNumber + 1;
        var move = RandomStream.For(seed, RandomStreamId.Moves, (ulong)household, q);
        if (move.Chance(MoveOutRate))
        {
            var day = quarter.FirstDay.DayNumber + move.NextInt(days);
            foreach (var id in members)
            {
                Mark(id, PersonStatus.MovedOut, day);
            }

            return (0, members.Length);
        }

        int died = 0, lastDay = quarter.FirstDay.DayNumber, adults = 0;
        foreach (var id in members)
        {
            var rng = RandomStream.For(seed, RandomStreamId.Deaths, (ulong)id, q);
            var age = Ages.At(people.BirthDay[id], quarter.AsOf);
            if (rng.Chance(QuarterlyMortality(age)))
            {
                var day = quarter.FirstDay.DayNumber + rng.NextInt(days);
                Mark(id, PersonStatus.Died, day);
                lastDay = Math.Max(lastDay, day);
                died++;
            }
            else if (age >= 18)
            {
                adults++;
            }
        }

        // Children are never left on the roster without an adult: they go to relatives elsewhere.
        var moved = 0;
        if (adults == 0 && died > 0)
        {
            foreach (var id in members)
            {
                if (people.Status[id] == PersonStatus.Resident)
                {
                    Mark(id, PersonStatus.MovedOut, lastDay);
                    moved++;
                }
            }
        }

        return (died, moved);
    }

    /// <summary>Gompertz-like hazard: about 0.3 %/year at 50, 4 % at 80, 10 % at 90 (KOSTAT life tables, rounded).</summary>
    private static double QuarterlyMortality(int age) =>
        Math.Min(0.5, 0.25 * (Math.Exp(-10.2 + (0.088 * age)) + (age == 0 ? 0.002 : 0)));

    private void ReassignHead(Quarter quarter, int household, Span<int> members)
    {
        var head = households.Head[household];
        if (people.Status[head] == PersonStatus.Resident)
        {
            return;
        }

        var best = -1;
        foreach (var id in members)
        {
            if (people.Status[id] == PersonStatus.Resident && Ages.At(people.BirthDay[id], quarter.AsOf) >= 18
                && (best < 0 || people.BirthDay[id] < people.BirthDay[best]))
            {
                best = id;
            }
        }

        if (best >= 0)
        {
            households.Head[household] = best;
        }
    }

    private int Birth(Quarter quarter, long q, int household, Span<int> members)
    {
        var mother = false;
        foreach (var id in members)
        {
            var age = Ages.At(people.BirthDay[id], quarter.AsOf);
            mother |= people.Status[id] == PersonStatus.Resident && !people.IsMale(id) && age is >= 22 and <= 44
                && people.Role[id] is HouseholdRole.Head or HouseholdRole.Spouse;
        }

        var rng = RandomStream.For(seed, RandomStreamId.Births, (ulong)household, q);
        if (!mother || !rng.Chance(BirthRate))
        {
            return 0;
        }

        var days = quarter.LastDay.DayNumber - quarter.FirstDay.DayNumber + 1;
        composer.AddBirth(ref rng, household, quarter.FirstDay.DayNumber + rng.NextInt(days));
        return 1;
    }

    private int MoveIn(Quarter quarter, long q, int deficit)
    {
        var rng = RandomStream.For(seed, RandomStreamId.MoversIn, 0, q);
        var added = 0;
        while (added < deficit)
        {
            var sigungu = (short)rng.Pick(regions.CumulativeShare);
            var size = Math.Min(HouseholdComposer.DrawSize(ref rng), deficit - added);
            composer.Compose(ref rng, sigungu, size, quarter.AsOf);
            added += size;
        }

        return added;
    }

    private void Mark(int id, PersonStatus status, int day)
    {
        people.Status[id] = status;
        people.StatusDay[id] = day;
    }
}
