using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Simulation.Tests.TestSupport;

/// <summary>
/// What the catalog promises for one feed, computed independently from the roster and truth files:
/// the eligible units, the expected number of units with a record and of all records (repeats included).
/// </summary>
internal sealed record Expectation(HashSet<string> Eligible, double FirstRecords, double Variance, double AllRecords)
{
    private static readonly Dictionary<(string, Quarter), (List<RosterRow>, Dictionary<string, TruthRow>, Dictionary<string, List<RosterRow>>)> Cache = [];

    public static Expectation For(DataRoot root, Quarter quarter, FeedDefinition feed)
    {
        var (roster, truth, households) = Load(root, quarter);
        var sim = feed.Simulation!;
        bool Passes(string household) => sim.Eligible.Household switch
        {
            HouseholdFilter.SinglePerson => households[household].Count == 1,
            HouseholdFilter.WithChild => households[household].Any(m => m.Age <= 17),
            HouseholdFilter.WithElder => households[household].Any(m => m.Age >= 65),
            _ => true,
        };
        var units = feed.Unit == FeedUnit.Person
            ? roster.Where(r => r.Age >= sim.Eligible.MinAge && r.Age <= sim.Eligible.MaxAge && Passes(r.HouseholdNo)).Select(r => (Key: r.ResidentNo, Member: r.ResidentNo))
            : households.Where(h => Passes(h.Key)).Select(h => (Key: h.Key, Member: h.Value[0].ResidentNo));
        var eligible = new HashSet<string>(StringComparer.Ordinal);
        double first = 0, variance = 0;
        foreach (var (key, member) in units)
        {
            eligible.Add(key);
            var p = sim.BaseRate;
            foreach (var (dimension, lift) in sim.Lift)
            {
                p += lift * truth[member].Severity[(int)dimension];
            }

            p = Math.Min(p, 0.95);
            first += p;
            variance += p * (1 - p);
        }

        var perRecord = (1 - Math.Pow(sim.RepeatRate, 20)) / (1 - sim.RepeatRate);
        return new Expectation(eligible, first, variance, first * perRecord);
    }

    private static (List<RosterRow>, Dictionary<string, TruthRow>, Dictionary<string, List<RosterRow>>) Load(DataRoot root, Quarter quarter)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue((root.Path, quarter), out var loaded))
            {
                var roster = RosterRow.Read(root, quarter);
                var households = roster.GroupBy(r => r.HouseholdNo).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
                loaded = (roster, TruthRow.Read(root, quarter), households);
                Cache[(root.Path, quarter)] = loaded;
            }

            return loaded;
        }
    }
}
