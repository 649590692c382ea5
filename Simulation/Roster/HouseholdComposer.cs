using BlindSpot.Simulation.Randomness;

namespace BlindSpot.Simulation.Roster;

/// <summary>
/// Makes households with Korean-looking compositions: sizes about 33/24/20/17/6 % for 1/2/3/4/5+ people
/// (통계청 인구주택총조사 2023), many elderly people living alone, children only beside a parent whose age fits.
/// </summary>
internal sealed class HouseholdComposer(People people, Households households, RegionTable regions, ResidentSerials serials)
{
    private static readonly double[] SizeShares = [0.33, 0.57, 0.77, 0.94, 0.985, 1.0];

    // Ages of people living alone, in decades from the 20s to the 80s (1인가구 by age, 2023).
    private static readonly double[] SingleAgeShares = [0.19, 0.36, 0.48, 0.63, 0.80, 0.92, 1.0];

    /// <summary>Draws a household size, 1–6.</summary>
    public static int DrawSize(ref RandomStream rng) => rng.Pick(SizeShares) + 1;

    /// <summary>Creates a household of <paramref name="size"/> people in a 시군구, ages measured at <paramref name="asOf"/>.</summary>
    public int Compose(ref RandomStream rng, short sigungu, int size, DateOnly asOf)
    {
        var emd = (byte)rng.NextInt(1, regions.Sigungu[sigungu].Eupmyeondong);
        var household = households.Add(sigungu, emd, regions.NextCounter(sigungu));
        if (size == 1)
        {
            ComposeSingle(ref rng, household, asOf);
        }
        else if (size == 2 && rng.Chance(0.62))
        {
            ComposeCouple(ref rng, household, asOf);
        }
        else if (rng.Chance(size == 2 ? 0.75 : 0.12))
        {
            ComposeSingleParent(ref rng, household, size, asOf);
        }
        else
        {
            ComposeFamily(ref rng, household, size, asOf);
        }

        AssignTraits(ref rng, household, size, asOf);
        return household;
    }

    /// <summary>Adds a newborn to a household, born on <paramref name="birthDay"/>.</summary>
    public int AddBirth(ref RandomStream rng, int household, int birthDay) =>
        AddPerson(ref rng, household, birthDay, rng.Chance(0.512), HouseholdRole.Child, inheritBenefits: true);

    private void ComposeSingle(ref RandomStream rng, int household, DateOnly asOf)
    {
        var decade = rng.Pick(SingleAgeShares);
        var age = decade == 6 ? rng.NextInt(80, 97) : 20 + (decade * 10) + rng.NextInt(10);
        var male = rng.Chance(age < 40 ? 0.56 : age < 65 ? 0.5 : 0.3);
        Add(ref rng, household, age, male, HouseholdRole.Head, asOf);
    }

    private void ComposeCouple(ref RandomStream rng, int household, DateOnly asOf)
    {
        var headAge = rng.Chance(0.7) ? rng.NextInt(55, 92) : rng.NextInt(25, 54);
        AddSpouses(ref rng, household, headAge, asOf);
    }

    private void ComposeSingleParent(ref RandomStream rng, int household, int size, DateOnly asOf)
    {
        var eldest = rng.NextInt(3, 45);
        var parentAge = Math.Min(95, eldest + rng.NextInt(24, 38));
        Add(ref rng, household, parentAge, rng.Chance(0.3), HouseholdRole.Head, asOf);
        AddChildren(ref rng, household, size - 1, eldest, asOf);
    }

    private void ComposeFamily(ref RandomStream rng, int household, int size, DateOnly asOf)
    {
        var withParent = size >= 4 && rng.Chance(size >= 5 ? 0.35 : 0.06);
        var children = size - 2 - (withParent ? 1 : 0);
        var eldest = rng.NextInt(3, 38);
        var headAge = eldest + rng.NextInt(27, 37);
        AddSpouses(ref rng, household, headAge, asOf);
        AddChildren(ref rng, household, children, eldest, asOf);
        if (withParent)
        {
            Add(ref rng, household, Math.Min(98, headAge + rng.NextInt(25, 33)), rng.Chance(0.3), HouseholdRole.Parent, asOf);
        }
    }

    private void AddSpouses(ref RandomStream rng, int household, int headAge, DateOnly asOf)
    {
        var headMale = rng.Chance(0.8);
        var gap = (int)Math.Round(2 + (2.5 * rng.NextNormal()));
        var spouseAge = Math.Clamp(headMale ? headAge - gap : headAge + gap, 19, 99);
        Add(ref rng, household, headAge, headMale, HouseholdRole.Head, asOf);
        Add(ref rng, household, spouseAge, !headMale, HouseholdRole.Spouse, asOf);
    }

    private void AddChildren(ref RandomStream rng, int household, int count, int eldest, DateOnly asOf)
    {
        var age = eldest;
        for (var i = 0; i < count; i++)
        {
            Add(ref rng, household, Math.Max(0, age), rng.Chance(0.512), HouseholdRole.Child, asOf);
            age -= rng.NextInt(1, 4);
        }
    }

    private void Add(ref RandomStream rng, int household, int age, bool male, HouseholdRole role, DateOnly asOf)
    {
        var birthDay = asOf.AddYears(-age).DayNumber - rng.NextInt(365);
        AddPerson(ref rng, household, birthDay, male, role, inheritBenefits: false);
    }

    private int AddPerson(ref RandomStream rng, int household, int birthDay, bool male, HouseholdRole role, bool inheritBenefits)
    {
        var traits = male ? PersonTraits.Male : PersonTraits.None;
        var head = households.Head[household];
        if (inheritBenefits && head >= 0)
        {
            traits |= people.Traits[head] & (PersonTraits.BasicLivelihood | PersonTraits.OtherBenefit);
        }

        var id = people.Add(birthDay, household, traits, role);
        people.Serial[id] = serials.Next(regions.SidoIndex[households.Sigungu[household]], birthDay, male);
        if (role == HouseholdRole.Head)
        {
            households.Head[household] = id;
        }

        return id;
    }

    // Members of a new household have consecutive ids starting with the head, so the loop runs from the head.
    private void AssignTraits(ref RandomStream rng, int household, int size, DateOnly asOf)
    {
        var head = households.Head[household];
        var headAge = Ages.At(people.BirthDay[head], asOf);
        var singleParent = size > 1 && people.Role[head + 1] == HouseholdRole.Child;

        // Basic-livelihood recipients are ~4-5 % of people, concentrated among the old living alone and single parents.
        var basic = size > 1 ? (singleParent ? 0.12 : 0.017) : headAge >= 65 ? 0.15 : headAge >= 40 ? 0.08 : 0.025;
        var other = size == 1 && headAge >= 65 ? 0.05 : 0.028;
        var u = rng.NextDouble();
        var benefit = u < basic ? PersonTraits.BasicLivelihood : u < basic + other ? PersonTraits.OtherBenefit : PersonTraits.None;
        for (var id = head; id < people.Count; id++)
        {
            var age = Ages.At(people.BirthDay[id], asOf);
            var disability = rng.Chance(age < 20 ? 0.01 : age < 40 ? 0.02 : age < 65 ? 0.05 : age < 80 ? 0.11 : 0.18);
            people.Traits[id] |= benefit | (disability ? PersonTraits.Disability : PersonTraits.None);
        }
    }
}
