using System.Collections.Concurrent;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Regions;
using BlindSpot.Simulation.Reporting;

namespace BlindSpot.Simulation.Tests.TestSupport;

/// <summary>
/// Small simulations made once per test run and shared by the fixtures that only read them, so the suite stays fast.
/// Everything lands under one temporary folder that <see cref="TempFolders"/> deletes at the end.
/// </summary>
internal static class Generated
{
    private static readonly ConcurrentDictionary<string, Lazy<(DataRoot Root, SimulationReport Report)>> Runs = new();

    public static FeedCatalog Catalog { get; } = FeedCatalog.LoadDefault();

    public static RegionRegistry Regions { get; } = RegionRegistry.LoadDefault();

    /// <summary>The standard calibration run: 30,000 people over three quarters, default dirt.</summary>
    public static (DataRoot Root, SimulationReport Report) Standard => Get(Some.Options(30_000, "2025Q4..2026Q2", seed: 7));

    /// <summary>A run without any dirt, so every row must be clean.</summary>
    public static (DataRoot Root, SimulationReport Report) Clean
    {
        get
        {
            var options = Some.Options(8_000, "2026Q1..2026Q2", seed: 11);
            options.DuplicateRate = options.MalformedRate = options.OutOfRangeRate = options.BadCheckDigitRate = options.UnknownKeyRate = 0;
            return Get(options);
        }
    }

    /// <summary>
    /// The standard run without the correlated noise (no invisible households, outages, lag, 시도 spread or coverage
    /// gaps), for the tests that hold each feed to its catalog rates, which the noise deliberately bends.
    /// </summary>
    public static (DataRoot Root, SimulationReport Report) Noiseless => Get(WithoutNoise(Some.Options(30_000, "2025Q4..2026Q2", seed: 7)));

    public static SimulationOptions WithoutNoise(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.RegionOutageRate = options.RecordLag = options.InvisibleShare = options.SidoCoverageSpread = 0;
        options.CoverageGaps.Clear();
        return options;
    }

    public static (DataRoot Root, SimulationReport Report) Get(SimulationOptions options)
    {
        var key = SettingsEcho.From(options) + string.Join(";", options.CoverageGaps);
        return Runs.GetOrAdd(key, _ => new Lazy<(DataRoot, SimulationReport)>(() => Run(options, TempFolders.Create()))).Value;
    }

    public static (DataRoot Root, SimulationReport Report) Run(SimulationOptions options, string folder)
    {
        var root = new DataRoot(folder);
        var report = new PopulationSimulator(Catalog, Regions).RunAsync(options, root).GetAwaiter().GetResult();
        return (root, report);
    }

    public static QuarterRange Range(string text) => QuarterRange.Parse(text);
}
