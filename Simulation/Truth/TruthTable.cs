using BlindSpot.Simulation.Crisis;
using BlindSpot.Simulation.Roster;

namespace BlindSpot.Simulation.Truth;

/// <summary>
/// The in-crisis flags of every roster person for one quarter, by person id, computed once and shared by the truth
/// file, the outcome model and the report.
/// </summary>
internal sealed class TruthTable
{
    private TruthTable(bool[][] flags) => Flags = flags;

    /// <summary>Flags per variant (<see cref="Core.Catalog.VariantNames.All"/> order), indexed by person id.</summary>
    public bool[][] Flags { get; }

    public static TruthTable Build(SimulationWorld world, QuarterSnapshot snapshot)
    {
        var count = world.People.Count;
        bool[][] flags = [new bool[count], new bool[count], new bool[count]];
        Span<float> s = stackalloc float[Households.Dimensions];
        foreach (var id in snapshot.Roster)
        {
            var h = world.People.Household[id];
            world.SeverityOf(h, s);
            int age = snapshot.Age[id];
            var single = snapshot.Has(h, HouseholdFlags.SinglePerson);
            flags[0][id] = TruthRules.HouseholdInCrisis(age, world.Households.MaxSeverity(h));
            flags[1][id] = TruthRules.ChildInCrisis(age, s);
            flags[2][id] = TruthRules.LonelyDeathInCrisis(age, single, s);
        }

        return new TruthTable(flags);
    }
}
