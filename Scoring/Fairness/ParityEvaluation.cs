using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Scoring.Fairness;

/// <summary>Parity of every variant's dispatched list under the model against the truth, per dimension and group (<see cref="ParityMetrics"/>).</summary>
internal static class ParityEvaluation
{
    public static async Task<IReadOnlyList<ParityGroup>> RunAsync(DataRoot root, Quarter quarter, IReadOnlyList<string> features,
        IReadOnlyDictionary<Variant, IReadOnlyList<long>> lists, IReadOnlyDictionary<Variant, HashSet<long>> inCrisis, ParityOptions options, CancellationToken ct)
    {
        var (dimensions, people) = await ParityPopulation.ReadAsync(root, quarter, features, ct).ConfigureAwait(false);
        var result = new List<ParityGroup>();
        foreach (var variant in VariantNames.All.Where(lists.ContainsKey))
        {
            result.AddRange(ParityMetrics.Compute(variant, dimensions, people[variant], lists[variant].ToHashSet(), inCrisis[variant], options));
        }

        return result;
    }
}
