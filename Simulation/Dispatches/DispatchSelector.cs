using System.Numerics;
using BlindSpot.Core.Catalog;
using BlindSpot.Simulation.Randomness;
using BlindSpot.Simulation.Roster;

namespace BlindSpot.Simulation.Dispatches;

/// <summary>
/// The past dispatch the simulator pretends municipalities received: per variant, the top of a rule baseline
/// (distinct feeds of the variant with a record for the person or their household; ties broken by a seeded hash,
/// units with no record never picked) up to its quota, plus a seeded random audit sample of the remaining eligible units.
/// </summary>
internal sealed class DispatchSelector(SimulationWorld world, QuarterSnapshot snapshot, FeedHits hits, SimulationOptions options)
{
    private readonly (ulong[] Person, ulong[] Household) masks = hits.Masks(world.People, world.Households);

    public IReadOnlyList<DispatchEntry> Select(Variant variant, out int eligibleUnits)
    {
        var (personMask, householdMask) = masks;
        var variantMask = hits.VariantMask(variant);
        var quota = variant switch
        {
            Variant.Household => options.HouseholdQuota,
            Variant.Child => options.ChildQuota,
            _ => options.LonelyDeathQuota,
        };
        var take = (int)Math.Round(quota * snapshot.Roster.Length);
        var candidates = Candidates(variant, personMask, householdMask, variantMask);
        eligibleUnits = candidates.Count;
        var q = QuarterIndex.Of(snapshot.Quarter);
        var ranked = candidates
            .Where(c => c.Score > 0)
            .OrderByDescending(c => c.Score)
            .ThenBy(c => SplitMix.Key(world.Seed, RandomStreamId.DispatchTieBreak, (ulong)c.Person, q))
            .ThenBy(c => c.Person)
            .Take(take)
            .ToList();
        var chosen = ranked.Select(c => c.Person).ToHashSet();
        var entries = ranked.Select(c => new DispatchEntry(variant, c.Person, false, c.Score)).ToList();
        var auditKey = (ulong)variant << 40;
        foreach (var c in candidates)
        {
            var draw = RandomStream.For(world.Seed, RandomStreamId.Audit, auditKey | (uint)c.Person, q);
            if (!chosen.Contains(c.Person) && draw.Chance(options.AuditShare))
            {
                entries.Add(new DispatchEntry(variant, c.Person, true, c.Score));
            }
        }

        return entries;
    }

    /// <summary>Eligible units as (contact person, score), in roster order.</summary>
    private List<(int Person, int Score)> Candidates(Variant variant, ulong[] personMask, ulong[] householdMask, ulong variantMask)
    {
        var people = world.People;
        var list = new List<(int, int)>();
        if (variant == Variant.Household)
        {
            var members = new ulong[world.Households.Count];
            foreach (var id in snapshot.Roster)
            {
                members[people.Household[id]] |= personMask[id];
            }

            foreach (var h in snapshot.HouseholdList)
            {
                var head = world.Households.Head[h];
                if (people.Status[head] == PersonStatus.Resident)
                {
                    list.Add((head, BitOperations.PopCount((members[h] | householdMask[h]) & variantMask)));
                }
            }

            return list;
        }

        foreach (var id in snapshot.Roster)
        {
            var h = people.Household[id];
            var eligible = people.Status[id] == PersonStatus.Resident && (variant == Variant.Child
                ? snapshot.Age[id] <= 17
                : snapshot.Age[id] >= 40 && snapshot.Has(h, HouseholdFlags.SinglePerson));
            if (eligible)
            {
                list.Add((id, BitOperations.PopCount((personMask[id] | householdMask[h]) & variantMask)));
            }
        }

        return list;
    }
}
