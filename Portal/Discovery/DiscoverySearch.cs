using BlindSpot.Dispatch.Discovery;
using BlindSpot.Portal.Cases;

namespace BlindSpot.Portal.Discovery;

/// <summary>
/// Filters a loaded index in memory: the area first (a 읍면동 officer's own 읍면동), then every condition of the query;
/// counts every match (in total, per 읍면동, per grade and variant) and keeps the first <see cref="DiscoveryQuery.Shown"/>
/// in the index's fixed show order (<see cref="LoadedDiscovery.Order"/>), so the same search shows the same people and
/// no search sorts. One pass over the area's people.
/// </summary>
internal static class DiscoverySearch
{
    public static DiscoveryResult Run(LoadedDiscovery loaded, DiscoveryQuery query, string? ownEupmyeondong)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(query);
        var index = loaded.Index;
        var variants = index.Variants.Count;
        var own = ownEupmyeondong is null ? -1 : loaded.Eupmyeondongs.ToList().IndexOf(ownEupmyeondong);
        if (ownEupmyeondong is not null && own < 0)
        {
            return new DiscoveryResult(0, 0, [], new Dictionary<string, int>(), new int[variants, 4]);
        }

        var match = Matcher(loaded, query);
        var (inScope, matching) = (0, 0);
        var shown = new List<int>(DiscoveryQuery.Shown);
        var byEmd = new int[loaded.Eupmyeondongs.Count];
        var byGrade = new int[variants, 4];
        foreach (var i in loaded.Order)
        {
            if (own >= 0 && loaded.EupmyeondongOf[i] != own)
            {
                continue;
            }

            inScope++;
            var p = index.People[i];
            if (!match(i, p))
            {
                continue;
            }

            matching++;
            byEmd[loaded.EupmyeondongOf[i]]++;
            for (var v = 0; v < variants; v++)
            {
                byGrade[v, (int)p.Grades[v]]++;
            }

            if (shown.Count < DiscoveryQuery.Shown)
            {
                shown.Add(i);
            }
        }

        var perEmd = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var e = 0; e < byEmd.Length; e++)
        {
            if (byEmd[e] > 0)
            {
                perEmd[loaded.Eupmyeondongs[e]] = byEmd[e];
            }
        }

        return new DiscoveryResult(inScope, matching, shown, perEmd, byGrade);
    }

    private static Func<int, DiscoveryPerson, bool> Matcher(LoadedDiscovery loaded, DiscoveryQuery query)
    {
        var index = loaded.Index;
        var band = DiscoveryQuery.AgeBands.FirstOrDefault(b => b.Key == query.AgeBand);
        var emd = query.Eupmyeondong.Length == 0 ? -1 : loaded.Eupmyeondongs.ToList().IndexOf(query.Eupmyeondong);
        var traits = query.Households.Select(h => DiscoveryQuery.HouseholdTypes.First(t => t.Key == h).Trait).Aggregate(HouseholdTraits.None, (a, t) => a | t);
        var kinds = (ushort)query.Kinds.Select(k => 1 << ReasonKinds.All.ToList().FindIndex(r => r.Key == k)).Aggregate(0, (a, b) => a | b);
        var feeds = query.Feeds.Select(f => index.FeedCodes.ToList().IndexOf(f)).Where(f => f >= 0).Aggregate(0UL, (a, f) => a | (1UL << f));
        var grades = query.Grades.Select(g => (Variant: index.Variants.ToList().IndexOf(g.Key), Lowest: DiscoveryQuery.GradeChoices.First(c => c.Key == g.Value).Lowest)).ToArray();
        if (grades.Any(g => g.Variant < 0) || (query.Eupmyeondong.Length > 0 && emd < 0))
        {
            // A variant the index does not grade, or a 읍면동 nobody of the index lives in: nobody matches.
            return (_, _) => false;
        }

        return (i, p) =>
            (emd < 0 || loaded.EupmyeondongOf[i] == emd)
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
