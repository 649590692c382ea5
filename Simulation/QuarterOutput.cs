using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Simulation.Deliveries;
using BlindSpot.Simulation.Dispatches;
using BlindSpot.Simulation.Identity;
using BlindSpot.Simulation.Reporting;
using BlindSpot.Simulation.Roster;
using BlindSpot.Simulation.Truth;

namespace BlindSpot.Simulation;

/// <summary>
/// Writes one quarter's files. The roster, identity vault, truth and each feed are independent jobs run on all
/// cores; each draws from its own seeded stream and writes its own file, so the bytes do not depend on scheduling.
/// </summary>
internal sealed class QuarterOutput(SimulationWorld world, QuarterSnapshot snapshot, IReadOnlyList<FeedPlan> plans, SimulationOptions options, DataRoot root)
{
    public async Task<QuarterReport> WriteAsync(Demography demography, bool isLast, CancellationToken cancellationToken)
    {
        var quarter = snapshot.Quarter;
        var truth = TruthTable.Build(world, snapshot);

        // Before this quarter's dispatch marks its own supported households.
        var intervention = Intervention();
        var hits = new FeedHits(world.Catalog.Feeds, world.People.Count, world.Households.Count);
        var feedReports = new FeedReport[plans.Count];

        // The three big single files first, so the feeds fill the cores around them.
        var jobs = new List<Func<CancellationToken, ValueTask>>
        {
            async ct =>
            {
                await using var stream = Create(root.Truth(quarter), gzip: false);
                await new TruthWriter(world, snapshot, truth, options.InvisibleShare).WriteAsync(stream, ct);
            },
            ct =>
            {
                using var stream = Create(root.RawFeed(quarter, world.Catalog.Roster), options.Gzip);
                new RosterWriter(world, snapshot).Write(stream);
                return ValueTask.CompletedTask;
            },
            ct =>
            {
                using var stream = CreatePrivate(root.IdentityVault(quarter), options.Gzip);
                new IdentityWriter(world, snapshot).Write(stream);
                return ValueTask.CompletedTask;
            },
        };
        foreach (var plan in plans)
        {
            jobs.Add(ct =>
            {
                using var stream = Create(root.RawFeed(quarter, plan.Feed), options.Gzip);
                feedReports[plan.Index] = new FeedGenerator(plan, world, snapshot, options).Write(stream, hits.Bits[plan.Index]);
                return ValueTask.CompletedTask;
            });
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(jobs, parallel, (job, ct) => job(ct));

        var dispatches = isLast ? [] : WriteDispatches(truth, hits);
        return Summarise(demography, truth, feedReports, dispatches) with { Intervention = intervention };
    }

    private IReadOnlyList<DispatchReport> WriteDispatches(TruthTable truth, FeedHits hits)
    {
        var selector = new DispatchSelector(world, snapshot, hits, options);
        var dispatched = new HashSet<int>();
        var lists = new List<(Variant, IReadOnlyList<DispatchEntry>, int)>();
        foreach (var variant in VariantNames.All)
        {
            var entries = selector.Select(variant, dispatched, out var eligible);
            dispatched.UnionWith(entries.Select(e => e.Person));
            lists.Add((variant, entries, eligible));
        }

        using var dispatches = CreatePrivate(root.PastDispatches(snapshot.Quarter), gzip: false);
        using var outcomes = CreatePrivate(root.Outcomes(snapshot.Quarter), gzip: false);
        return new DispatchWriter(world, snapshot, truth, options.InterventionEffect).Write(dispatches, outcomes, lists);
    }

    private QuarterReport Summarise(Demography demography, TruthTable truth, FeedReport[] feeds, IReadOnlyList<DispatchReport> dispatches)
    {
        long severe = 0, single = 0;
        foreach (var h in snapshot.HouseholdList)
        {
            severe += world.Households.MaxSeverity(h) > 0.5f ? 1 : 0;
            single += snapshot.Has(h, HouseholdFlags.SinglePerson) ? 1 : 0;
        }

        var counts = truth.Flags.Select(f => snapshot.Roster.LongCount(id => f[id])).ToArray();
        var residents = snapshot.Roster.LongCount(id => world.People.Status[id] == PersonStatus.Resident);
        var records = feeds.Sum(f => f.Records);
        return new QuarterReport(
            snapshot.Quarter.ToString(),
            snapshot.Roster.Length,
            residents,
            snapshot.HouseholdList.Length,
            single,
            demography,
            new TruthCounts(severe, counts[0], counts[1], counts[2]),
            records,
            feeds.Sum(f => f.RowsWritten),
            Math.Round(records / (double)snapshot.Roster.Length, 4),
            feeds,
            dispatches)
        {
            InvisibleInCrisis = InvisibleInCrisis(truth),
        };
    }

    /// <summary>How the households supported in the previous quarter stand now.</summary>
    private InterventionReport Intervention()
    {
        var previous = (int)Randomness.QuarterIndex.Of(snapshot.Quarter) - 1;
        long supported = 0, severe = 0;
        double sum = 0;
        foreach (var h in snapshot.HouseholdList)
        {
            if (world.Households.LastSupported[h] == previous)
            {
                var max = world.Households.MaxSeverity(h);
                supported++;
                sum += max;
                severe += max >= 0.5f ? 1 : 0;
            }
        }

        return new InterventionReport(supported, supported == 0 ? 0 : Math.Round(sum / supported, 4), severe, options.InterventionEffect);
    }

    /// <summary>People in crisis for the household variant whose household no institution sees.</summary>
    private long InvisibleInCrisis(TruthTable truth) =>
        snapshot.Roster.LongCount(id => truth.Flags[0][id] && FeedNoise.IsInvisible(world.Seed, options.InvisibleShare, world.People.Household[id]));

    private static Stream Create(string path, bool gzip) => DeliveryFile.Create(path, gzip);

    /// <summary>
    /// For the files that name people outright (the identity vault, the register and outcomes with resident numbers):
    /// 0600 in a 0700 folder, as Dispatch keeps what it makes of them.
    /// </summary>
    private static Stream CreatePrivate(string path, bool gzip)
    {
        var file = Core.Files.PrivateFiles.Create(gzip ? path + ".gz" : path);
        return gzip ? new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: false) : file;
    }
}
