using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Simulation.Deliveries;

namespace BlindSpot.Simulation.Tests.TestSupport;

/// <summary>
/// What the catalog promises for one feed, computed independently from the roster and truth files:
/// the eligible units, the expected number of units with a record and of all records (repeats included). Chronic
/// non-payers are hidden (not in the truth), so a unit with no crisis-driven record has the standing record with the
/// unconditional chance household share × the feed's chronicRate × delivered share.
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
        var standing = StandingArrears.HouseholdShare * sim.ChronicRate * StandingArrears.DeliveredShare;
        var perRecord = (1 - Math.Pow(sim.RepeatRate, 20)) / (1 - sim.RepeatRate);
        double first = 0, variance = 0, all = 0;
        foreach (var (key, member) in units)
        {
            eligible.Add(key);
            var p = sim.BaseRate;
            foreach (var (dimension, lift) in sim.Lift)
            {
                p += lift * truth[member].Severity[(int)dimension];
            }

            p = Math.Min(p, 0.95);
            var any = p + ((1 - p) * standing);
            first += any;
            variance += any * (1 - any);
            all += (p * perRecord) + ((1 - p) * standing);
        }

        return new Expectation(eligible, first, variance, all);
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
