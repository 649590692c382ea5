using BlindSpot.Core.Quarters;

namespace BlindSpot.Simulation.Randomness;

/// <summary>A quarter as a running number for random keys; burn-in quarters before the first year 2000 stay distinct.</summary>
internal static class QuarterIndex
{
    public static long Of(Quarter quarter) => (quarter.Year * 4L) + quarter.Number - 1;
}
