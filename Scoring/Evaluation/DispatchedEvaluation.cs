using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Scoring.Metrics;

namespace BlindSpot.Scoring.Evaluation;

/// <summary>
/// Evaluation on what officers receive: each <see cref="RankingMethod"/>'s rankings go through Dispatch's selection
/// (<see cref="IDispatchSimulation"/>), and every variant's resulting list is measured against the simulator's truth.
/// </summary>
internal static class DispatchedEvaluation
{
    public static async Task<IReadOnlyList<DispatchedList>> RunAsync(DataRoot root, Quarter quarter, DispatchRankings rankings, IDispatchSimulation simulation, CancellationToken ct)
    {
        var selections = await simulation.SelectAsync(root, quarter, rankings.ByMethod, ct).ConfigureAwait(false);
        var result = new List<DispatchedList>();
        foreach (var variant in VariantNames.All)
        {
            for (var m = 0; m < RankingMethod.All.Count; m++)
            {
                if (selections[m].TryGetValue(variant, out var listed))
                {
                    result.Add(Measure(variant, RankingMethod.All[m], listed, rankings.InCrisis[variant]));
                }
            }
        }

        return result;
    }

    /// <summary>Precision and recall of one list, with 95 % Wilson intervals, and precision over its first quarter, half and whole.</summary>
    public static DispatchedList Measure(Variant variant, string method, IReadOnlyList<long> listed, IReadOnlySet<long> inCrisis)
    {
        var hits = new int[listed.Count + 1];
        for (var i = 0; i < listed.Count; i++)
        {
            hits[i + 1] = hits[i] + (inCrisis.Contains(listed[i]) ? 1 : 0);
        }

        var found = hits[listed.Count];
        var (pLow, pHigh) = WilsonInterval.Of(found, listed.Count);
        var (rLow, rHigh) = WilsonInterval.Of(found, inCrisis.Count);
        var ks = new[] { (listed.Count + 3) / 4, (listed.Count + 1) / 2, listed.Count }.Where(k => k > 0).Distinct();
        return new DispatchedList(variant.ToCode(), method, listed.Count, found, inCrisis.Count,
            Share(found, listed.Count), pLow, pHigh, Share(found, inCrisis.Count), rLow, rHigh,
            [.. ks.Select(k => At(k, hits[k]))]);
    }

    private static PrecisionAt At(int k, int found)
    {
        var (low, high) = WilsonInterval.Of(found, k);
        return new PrecisionAt(k, found, Share(found, k), low, high);
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
