using BlindSpot.Dispatch.Discovery;
using BlindSpot.Portal.Cases;

namespace BlindSpot.Portal.Discovery;

/// <summary>
/// Filters a loaded index in memory: the area first (a 읍면동 officer's own 읍면동), then every condition of the query;
/// counts every match (in total, per 읍면동, per grade and variant) and keeps the first <see cref="DiscoveryQuery.Shown"/>
/// in a fixed order — best grade in any variant, then more feeds, then more records, then roster order — so the same
/// search shows the same people.
/// </summary>
internal static class DiscoverySearch
{
    public static DiscoveryResult Run(LoadedDiscovery loaded, DiscoveryQuery query, string? ownEupmyeondong)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(query);
        var index = loaded.Index;
        var match = Matcher(loaded, query);
        var inScope = 0;
        var keys = new List<long>();
        var byEmd = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var byGrade = new int[index.Variants.Count, 4];
        for (var i = 0; i < index.People.Count; i++)
        {
            var p = index.People[i];
            if (ownEupmyeondong is not null && p.Eupmyeondong != ownEupmyeondong)
            {
                continue;
            }

            inScope++;
            if (!match(i, p))
            {
                continue;
            }

            byEmd[p.Eupmyeondong] = byEmd.GetValueOrDefault(p.Eupmyeondong) + 1;
            for (var v = 0; v < index.Variants.Count; v++)
            {
                byGrade[v, (int)p.Grades[v]]++;
            }

            keys.Add(SortKey(p, i));
        }

        var sorted = keys.ToArray();
        Array.Sort(sorted);
        var shown = sorted.Take(DiscoveryQuery.Shown).Select(k => (int)(k & PositionMask)).ToList();
        return new DiscoveryResult(inScope, sorted.Length, shown, byEmd, byGrade);
    }

    private const long PositionMask = (1L << 32) - 1;

    // Best grade (1 상 … 3 하, 4 none) in the top bits, then fewer missing feeds, then more records, then the position.
    private static long SortKey(DiscoveryPerson p, int position)
    {
        var best = 4;
        for (var v = 0; v < p.Grades.Count; v++)
        {
            best = p.Grades[v] != DiscoveryGrade.None && (int)p.Grades[v] < best ? (int)p.Grades[v] : best;
        }

        return ((long)best << 60) | ((long)(63 - Math.Min(p.FeedCount, 63)) << 53) | ((long)(ushort.MaxValue - p.Records) << 37) | (uint)position;
    }

    private static Func<int, DiscoveryPerson, bool> Matcher(LoadedDiscovery loaded, DiscoveryQuery query)
    {
        var index = loaded.Index;
        var band = DiscoveryQuery.AgeBands.FirstOrDefault(b => b.Key == query.AgeBand);
        var traits = query.Households.Select(h => DiscoveryQuery.HouseholdTypes.First(t => t.Key == h).Trait).Aggregate(HouseholdTraits.None, (a, t) => a | t);
        var kinds = (ushort)query.Kinds.Select(k => 1 << ReasonKinds.All.ToList().FindIndex(r => r.Key == k)).Aggregate(0, (a, b) => a | b);
        var feeds = query.Feeds.Select(f => index.FeedCodes.ToList().IndexOf(f)).Where(f => f >= 0).Aggregate(0UL, (a, f) => a | (1UL << f));
        var grades = query.Grades.Select(g => (Variant: index.Variants.ToList().IndexOf(g.Key), Lowest: DiscoveryQuery.GradeChoices.First(c => c.Key == g.Value).Lowest)).ToArray();
        if (grades.Any(g => g.Variant < 0))
        {
            // A variant the index does not grade: nobody has a grade there.
            return (_, _) => false;
        }

        return (i, p) =>
            (query.Eupmyeondong.Length == 0 || p.Eupmyeondong == query.Eupmyeondong)
            && (query.AgeBand.Length == 0 || (p.Age >= band.From && p.Age <= band.To))
            && (traits == HouseholdTraits.None || (p.Traits & traits) != 0)
            && (kinds == 0 || (loaded.Kinds[i] & kinds) != 0)
            && (feeds == 0 || (p.Feeds & feeds) != 0)
            && Graded(p, grades);
    }

    // A loop, not LINQ: this runs for every person of the area on every search.
    private static bool Graded(DiscoveryPerson p, (int Variant, DiscoveryGrade Lowest)[] grades)
    {
        foreach (var (variant, lowest) in grades)
        {
            if (p.Grades[variant] == DiscoveryGrade.None || p.Grades[variant] > lowest)
            {
                return false;
            }
        }

        return true;
    }
}
