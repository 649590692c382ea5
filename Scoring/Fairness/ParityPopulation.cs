using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Scoring.Data;

namespace BlindSpot.Scoring.Fairness;

/// <summary>
/// Every variant's eligible people of a quarter with their groups: 시도, age band, sex, disability and household type,
/// read from the features build (<c>p_age</c>, <c>p_male</c>, <c>p_disability</c>, <c>hh_single_person</c>,
/// <c>hh_any_child</c>, <c>hh_any_elder</c>); a dimension whose feature is missing is left out.
/// </summary>
internal static class ParityPopulation
{
    public const string Sido = "시도";
    public const string AgeBand = "age band";
    public const string Sex = "sex";
    public const string Disability = "disability";
    public const string HouseholdType = "household type";

    public static async Task<(IReadOnlyList<string> Dimensions, IReadOnlyDictionary<Variant, List<(long Key, string[] Groups)>> People)> ReadAsync(
        DataRoot root, Quarter quarter, IReadOnlyList<string> features, CancellationToken ct)
    {
        var names = features.ToList();
        int age = names.IndexOf("p_age"), male = names.IndexOf("p_male"), disability = names.IndexOf("p_disability");
        int single = names.IndexOf("hh_single_person"), child = names.IndexOf("hh_any_child"), elder = names.IndexOf("hh_any_elder");
        var dimensions = new List<(string Name, Func<FeatureBlock, int, string> Of)> { (Sido, (b, r) => b.SidoCodes[r]) };
        if (age >= 0)
        {
            dimensions.Add((AgeBand, (b, r) => Band(b.Row(r)[age])));
        }

        if (male >= 0)
        {
            dimensions.Add((Sex, (b, r) => b.Row(r)[male] > 0 ? "male" : "female"));
        }

        if (disability >= 0)
        {
            dimensions.Add((Disability, (b, r) => b.Row(r)[disability] > 0 ? "registered disability" : "none"));
        }

        if (single >= 0 && child >= 0 && elder >= 0)
        {
            dimensions.Add((HouseholdType, (b, r) => Household(b.Row(r)[single], b.Row(r)[child], b.Row(r)[elder])));
        }

        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        var people = VariantNames.All.ToDictionary(v => v, _ => new List<(long, string[])>());
        foreach (var part in FeatureBuild.Load(root, quarter).PartFiles)
        {
            await foreach (var block in FeatureBlockReader.ReadAsync(part, features, ct: ct).ConfigureAwait(false))
            {
                for (var r = 0; r < block.Rows; r++)
                {
                    string[]? groups = null;
                    foreach (var variant in VariantNames.All)
                    {
                        if (block.Eligible(variant)[r])
                        {
                            groups ??= [.. dimensions.Select(d => Intern(interned, d.Of(block, r)))];
                            people[variant].Add((block.PersonKeys[r], groups));
                        }
                    }
                }
            }
        }

        return ([.. dimensions.Select(d => d.Name)], people);
    }

    private static string Intern(Dictionary<string, string> pool, string value) =>
        pool.TryGetValue(value, out var kept) ? kept : pool[value] = value;

    private static string Band(float age) => age switch
    {
        < 18 => "0–17",
        < 40 => "18–39",
        < 65 => "40–64",
        _ => "65+",
    };

    private static string Household(float single, float anyChild, float anyElder) =>
        single > 0 ? "single person" : anyChild > 0 ? "with children" : anyElder > 0 ? "with people 65+" : "other";
}
