using BlindSpot.Core.Catalog;

namespace BlindSpot.Simulation.Roster;

/// <summary>Everything that lives across quarters: the people, their households, the regions, the catalog and the seed.</summary>
internal sealed class SimulationWorld(People people, Households households, RegionTable regions, FeedCatalog catalog, ulong seed)
{
    public People People { get; } = people;

    public Households Households { get; } = households;

    public RegionTable Regions { get; } = regions;

    public FeedCatalog Catalog { get; } = catalog;

    public ulong Seed { get; } = seed;

    /// <summary>The five severities of a household, copied into <paramref name="target"/>.</summary>
    public void SeverityOf(int household, Span<float> target)
    {
        for (var d = 0; d < Households.Dimensions; d++)
        {
            target[d] = Households.Severity[d][household];
        }
    }

    /// <summary>Writes a person's resident number (14 ASCII bytes).</summary>
    public void WriteResidentNumber(Span<byte> target, int person) =>
        KeyBytes.WriteResidentNumber(target, People.BirthDay[person], People.IsMale(person), People.Serial[person]);

    /// <summary>Writes a household's 세대번호 (11 ASCII bytes).</summary>
    public void WriteHouseholdNumber(Span<byte> target, int household) =>
        KeyBytes.WriteHouseholdNumber(target, Regions.CodeBytes[Households.Sigungu[household]], Households.Counter[household]);
}
