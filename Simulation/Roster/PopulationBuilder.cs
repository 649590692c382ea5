using BlindSpot.Core.Quarters;
using BlindSpot.Simulation.Randomness;

namespace BlindSpot.Simulation.Roster;

/// <summary>
/// Creates the starting population: each 시군구 gets its share of the people (by registered population), filled
/// with households from its own random stream, ages measured at the first quarter's as-of date.
/// </summary>
internal static class PopulationBuilder
{
    public static void Build(HouseholdComposer composer, RegionTable regions, int people, Quarter first, ulong seed)
    {
        var perSigungu = regions.Apportion(people);
        for (var s = 0; s < perSigungu.Length; s++)
        {
            var rng = RandomStream.For(seed, RandomStreamId.Households, (ulong)s, 0);
            for (var made = 0; made < perSigungu[s];)
            {
                var size = Math.Min(HouseholdComposer.DrawSize(ref rng), perSigungu[s] - made);
                composer.Compose(ref rng, (short)s, size, first.AsOf);
                made += size;
            }
        }
    }
}
