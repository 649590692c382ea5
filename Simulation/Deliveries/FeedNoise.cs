using BlindSpot.Simulation.Randomness;
using BlindSpot.Simulation.Roster;

namespace BlindSpot.Simulation.Deliveries;

/// <summary>
/// The correlated ways a feed's records go missing or arrive late (docs/SIMULATION.md, "Noise"), for one feed: households
/// no institution sees, the institution missing a whole 시군구 in a quarter (half the time delivered with the next
/// quarter), its coverage of each 시도 and the configured coverage gaps by 시도 and age. Every decision is a hash of
/// (seed, purpose, entity, quarter), never a draw from the feed's sequential stream, so a unit's fate does not depend on
/// the units before it and tests can recompute it.
/// </summary>
internal sealed class FeedNoise
{
    private readonly ulong seed;
    private readonly SimulationOptions options;
    private readonly RegionTable regions;
    private readonly ulong source;
    private readonly float[][] keep;
    private readonly bool[] missed;
    private readonly bool[] late;

    public FeedNoise(FeedPlan plan, SimulationWorld world, SimulationOptions options, long quarter)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(options);
        seed = world.Seed;
        this.options = options;
        regions = world.Regions;
        source = (ulong)world.Catalog.Sources.Select(s => s.Code).ToList().IndexOf(plan.Feed.Source) + 1;
        var sido = world.Regions.Registry.Sido;
        keep = new float[sido.Count][];
        for (var s = 0; s < sido.Count; s++)
        {
            var spread = options.SidoCoverageSpread * Uniform(SplitMix.Key(seed, RandomStreamId.Coverage, (source << 8) | (uint)s, -1));
            keep[s] = new float[121];
            for (var age = 0; age <= 120; age++)
            {
                var share = 1 - spread;
                foreach (var gap in options.CoverageGaps)
                {
                    var matches = (gap.Sido is null || gap.Sido == sido[s].Code) && age >= gap.MinAge && age <= gap.MaxAge
                        && (gap.Source is null || gap.Source == plan.Feed.Source);
                    share *= matches ? gap.Coverage : 1;
                }

                keep[s][age] = (float)share;
            }
        }

        missed = [.. Enumerable.Range(0, regions.Sigungu.Count).Select(g => Missed(g, quarter))];
        late = [.. Enumerable.Range(0, regions.Sigungu.Count).Select(g => Missed(g, quarter - 1)
            && Uniform(SplitMix.Key(seed, RandomStreamId.Outage, (source << 16) | (uint)g | (1UL << 48), quarter - 1)) < options.LateDeliveryShare)];
    }

    /// <summary>A household no institution sees: fixed for the run.</summary>
    public static bool IsInvisible(ulong seed, double share, int household) =>
        share > 0 && Uniform(SplitMix.Key(seed, RandomStreamId.Invisible, (ulong)household, -1)) < share;

    public bool IsInvisible(int household) => IsInvisible(seed, options.InvisibleShare, household);

    /// <summary>Whether the institution's delivery of <paramref name="quarter"/> misses the 시군구.</summary>
    public bool Missed(int sigungu, long quarter) =>
        options.RegionOutageRate > 0 && Uniform(SplitMix.Key(seed, RandomStreamId.Outage, (source << 16) | (uint)sigungu, quarter)) < options.RegionOutageRate;

    /// <summary>Whether the 시군구's records missed in the quarter before arrive with this quarter's delivery.</summary>
    public bool ArrivesLate(int sigungu) => late[sigungu];

    /// <summary>Whether a unit's record of the quarter is lost: the 시군구 missed, or outside the coverage of its 시도 and age.</summary>
    public bool Lost(ulong unitKey, int sigungu, int age, long quarter)
    {
        if (missed[sigungu])
        {
            return true;
        }

        var share = keep[regions.SidoIndex[sigungu]][Math.Clamp(age, 0, 120)];
        return share < 1 && Uniform(SplitMix.Key(seed, RandomStreamId.Coverage, unitKey, quarter)) >= share;
    }

    /// <summary>Whether a unit of a late delivery had a record with chance <paramref name="p"/> in the quarter before.</summary>
    public bool HadLateRecord(ulong unitKey, long quarter, double p) => Uniform(SplitMix.Key(seed, RandomStreamId.Late, unitKey, quarter)) < p;

    private static double Uniform(ulong bits) => (bits >> 11) * (1.0 / (1UL << 53));
}
