using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Regions;
using BlindSpot.Simulation.Crisis;
using BlindSpot.Simulation.Deliveries;
using BlindSpot.Simulation.Dispatches;
using BlindSpot.Simulation.Identity;
using BlindSpot.Simulation.Randomness;
using BlindSpot.Simulation.Reporting;
using BlindSpot.Simulation.Roster;
using BlindSpot.Simulation.Truth;

namespace BlindSpot.Simulation;

/// <summary>
/// Makes a synthetic population and, for each quarter, everything the pipeline reads or is judged against: raw feed
/// deliveries and the roster (<c>raw/</c>), the identity vault (<c>identity/</c>), past dispatches and outcomes for
/// every quarter but the last (<c>outcomes/</c>), the hidden truth (<c>truth/</c>) and <c>simulation.json</c>.
/// Never real personal data. Same options and seed give byte-identical files, however many cores run it.
/// </summary>
public sealed class PopulationSimulator
{
    /// <summary>Written into simulation.json; bump when the output layout or any generating rule changes (2: issue #21, docs/SIMULATION.md).</summary>
    public const string Generator = "blindspot-simulator/2";

    private readonly FeedCatalog catalog;
    private readonly RegionRegistry regions;

    public PopulationSimulator(FeedCatalog catalog, RegionRegistry regions)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(regions);
        this.catalog = catalog;
        this.regions = regions;
    }

    /// <summary>
    /// Generates into <paramref name="root"/>, overwriting the files it makes (others are left alone). Throws
    /// <see cref="ArgumentException"/> naming every broken rule when <paramref name="options"/> are invalid.
    /// </summary>
    public async Task<SimulationReport> RunAsync(SimulationOptions options, DataRoot root, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(root);
        options.Validate();
        var unknown = options.CoverageGaps.Where(g => g.Source is not null && catalog.Sources.All(s => s.Code != g.Source)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Invalid simulation options: coverage gap {string.Join(", ", unknown)} names a source the catalog does not have (sources: {string.Join(", ", catalog.Sources.Select(s => s.Code))}).");
        }

        var quarters = options.Quarters!;
        var seed = options.Seed!.Value;
        var world = new SimulationWorld(new People(options.People + (options.People / 8) + 16), new Households((options.People / 2) + 16), new RegionTable(regions), catalog, seed);
        var composer = new HouseholdComposer(world.People, world.Households, world.Regions, new ResidentSerials(regions.Sido.Count));
        PopulationBuilder.Build(composer, world.Regions, options.People, quarters.First, seed);
        var dynamics = new PopulationDynamics(world.People, world.Households, composer, world.Regions, seed);
        var latent = new LatentCrisisModel(world.Households, seed, options.MaxDegreeOfParallelism ?? Environment.ProcessorCount);
        BurnIn(world, latent, quarters.First, options.BurnInQuarters);
        var plans = catalog.Feeds.Select((f, i) => new FeedPlan(catalog, f, i)).ToArray();
        var reports = new List<QuarterReport>();
        foreach (var quarter in quarters)
        {
            var demography = dynamics.Advance(quarter, options.People);
            var snapshot = QuarterSnapshot.Build(quarter, world.People, world.Households);
            latent.Evolve(snapshot, QuarterIndex.Of(quarter));
            var writer = new QuarterOutput(world, snapshot, plans, options, root);
            reports.Add(await writer.WriteAsync(demography, isLast: quarter == quarters.Last, cancellationToken));
        }

        var records = reports.Sum(r => r.Records);
        var report = new SimulationReport(Generator, catalog.Version, SettingsEcho.From(options), reports, records, reports.Sum(r => r.RowsWritten),
            Math.Round(records / (double)reports.Sum(r => r.RosterRows), 4));
        Directory.CreateDirectory(root.Path);
        await ReportJson.WriteAsync(root.SimulationSettings, report, cancellationToken);
        return report;
    }

    /// <summary>Evolves the latent crises for some quarters before the first delivery, so it starts from the stationary state.</summary>
    private static void BurnIn(SimulationWorld world, LatentCrisisModel latent, Quarter first, int quarters)
    {
        var snapshot = QuarterSnapshot.Build(first, world.People, world.Households);
        for (var b = quarters; b >= 1; b--)
        {
            latent.Evolve(snapshot, QuarterIndex.Of(first) - b, burnIn: true);
        }
    }
}
