using BlindSpot.Core.Quarters;

namespace BlindSpot.Simulation.Tests.TestSupport;

/// <summary>Throwaway values for tests.</summary>
internal static class Some
{
    public static SimulationOptions Options(int people, string quarters, ulong seed, bool gzip = false) => new()
    {
        People = people,
        Quarters = QuarterRange.Parse(quarters),
        Seed = seed,
        Gzip = gzip,
    };
}
