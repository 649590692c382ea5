using BlindSpot.Core.Quarters;

namespace BlindSpot.Simulation.Roster;

/// <summary>
/// The population as one quarter's deliveries see it: who is on the roster (residents and those who left during the
/// quarter), everyone's age at the quarter's as-of date, and each household's size and make-up. Read-only once built.
/// </summary>
internal sealed class QuarterSnapshot
{
    private QuarterSnapshot(Quarter quarter, int[] roster, byte[] age, byte[] size, byte[] maxAge, HouseholdFlags[] flags, int[] householdList)
    {
        Quarter = quarter;
        Roster = roster;
        Age = age;
        HouseholdSize = size;
        MaxAge = maxAge;
        Flags = flags;
        HouseholdList = householdList;
    }

    public Quarter Quarter { get; }

    /// <summary>Person ids on this quarter's roster, ascending: the order of every per-person file.</summary>
    public int[] Roster { get; }

    /// <summary>Age at <see cref="Quarter.AsOf"/>, indexed by person id (valid for roster people).</summary>
    public byte[] Age { get; }

    /// <summary>Roster members per household id; 0 when the household is gone.</summary>
    public byte[] HouseholdSize { get; }

    /// <summary>Age of the oldest member, indexed by household id.</summary>
    public byte[] MaxAge { get; }

    public HouseholdFlags[] Flags { get; }

    /// <summary>Household ids with at least one roster member, ascending: the order of every per-household file.</summary>
    public int[] HouseholdList { get; }

    public static QuarterSnapshot Build(Quarter quarter, People people, Households households)
    {
        var asOf = quarter.AsOf;
        var age = new byte[people.Count];
        var size = new byte[households.Count];
        var maxAge = new byte[households.Count];
        var flags = new HouseholdFlags[households.Count];
        var roster = new List<int>(people.Count);
        for (var id = 0; id < people.Count; id++)
        {
            if (people.Status[id] == PersonStatus.Gone)
            {
                continue;
            }

            roster.Add(id);
            var years = (byte)Math.Clamp(Ages.At(people.BirthDay[id], asOf), 0, 120);
            age[id] = years;
            var h = people.Household[id];
            size[h] = (byte)Math.Min(255, size[h] + 1);
            maxAge[h] = Math.Max(maxAge[h], years);
            flags[h] |= (years <= 17 ? HouseholdFlags.WithChild : 0)
                | (years >= 65 ? HouseholdFlags.WithElder : 0)
                | ((people.Traits[id] & (PersonTraits.BasicLivelihood | PersonTraits.OtherBenefit)) != 0 ? HouseholdFlags.Benefit : 0)
                | ((people.Traits[id] & PersonTraits.Disability) != 0 ? HouseholdFlags.Disability : 0);
        }

        var list = new List<int>(households.Count);
        for (var h = 0; h < households.Count; h++)
        {
            if (size[h] == 1)
            {
                flags[h] |= HouseholdFlags.SinglePerson;
            }

            if (size[h] > 0)
            {
                list.Add(h);
            }
        }

        return new QuarterSnapshot(quarter, [.. roster], age, size, maxAge, flags, [.. list]);
    }

    public bool Has(int household, HouseholdFlags flag) => (Flags[household] & flag) != 0;
}
