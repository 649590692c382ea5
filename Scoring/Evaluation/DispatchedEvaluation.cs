using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Scoring.Metrics;
using BlindSpot.Scoring.Models;
using BlindSpot.Scoring.Registry;

namespace BlindSpot.Scoring.Evaluation;

/// <summary>
/// Evaluation on what officers receive: each <see cref="RankingMethod"/>'s rankings go through Dispatch's selection
/// (<see cref="IDispatchSimulation"/>), and every variant's resulting list is measured against the simulator's truth.
/// </summary>
internal static class DispatchedEvaluation
{
    /// <summary>
    /// Ranks the quarter every way (<paramref name="models"/> for the model ranking), selects through
    /// <paramref name="simulation"/> and measures every list; also returns the eligible people the truth does not name.
    /// </summary>
    public static async Task<(IReadOnlyList<DispatchedList> Lists, int WithoutTruth)> RunAsync(DataRoot root, Quarter quarter, IReadOnlyDictionary<Variant, TreeEnsemble> models,
        IReadOnlyList<string> features, FeedCatalog catalog, Pseudonymizer truthKeys, int seed, IDispatchSimulation simulation, CancellationToken ct)
    {
        var outcome = await RunDetailedAsync(root, quarter, models, features, catalog, truthKeys, seed, simulation, ct).ConfigureAwait(false);
        return (outcome.Lists, outcome.WithoutTruth);
    }

    /// <summary>As <see cref="RunAsync"/>, also keeping the model's lists (person keys) and who is in crisis, for group parity.</summary>
    public static async Task<DispatchOutcome> RunDetailedAsync(DataRoot root, Quarter quarter, IReadOnlyDictionary<Variant, TreeEnsemble> models,
        IReadOnlyList<string> features, FeedCatalog catalog, Pseudonymizer truthKeys, int seed, IDispatchSimulation simulation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(simulation);
        var truth = new Dictionary<Variant, Dictionary<long, (bool InCrisis, float Risk)>>();
        foreach (var variant in VariantNames.All)
        {
            truth[variant] = await TruthReader.ReadAsync(root.Truth(quarter), variant, truthKeys, ct).ConfigureAwait(false);
        }

        var rankings = await DispatchRankings.BuildAsync(root, quarter, models, features, catalog, truth, seed, ct).ConfigureAwait(false);
        var lists = await MeasureAsync(root, quarter, rankings, simulation, ct).ConfigureAwait(false);

        // The model's lists once more, as keys: MeasureAsync keeps only their figures. Selecting again costs one roster read.
        var model = (await simulation.SelectAsync(root, quarter, [rankings.ByMethod[RankingMethod.All.ToList().IndexOf(RankingMethod.Model)]], ct).ConfigureAwait(false))[0];
        return new DispatchOutcome(lists, rankings.WithoutTruth, model, rankings.InCrisis);
    }

    /// <summary>
    /// <paramref name="model"/> for its own variant and the live model of each other variant: the model ranking is what the
    /// quarter would dispatch with this model promoted. Null with the reason when a live model reads other features (it
    /// cannot score this features build, so the lists could not be the ones the quarter would get).
    /// </summary>
    public static (Dictionary<Variant, TreeEnsemble>? Models, string? Mismatch) WithLiveOthers(ModelRegistry registry, Variant variant, TreeEnsemble model, string name, IReadOnlyList<string> features)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var models = new Dictionary<Variant, TreeEnsemble> { [variant] = model };
        foreach (var other in VariantNames.All.Where(v => v != variant))
        {
            if (registry.LoadLive(other) is not { } live)
            {
                continue;
            }

            if (!live.Card.Features.SequenceEqual(features))
            {
                return (null, $"{other.ToCode()}/{live.Card.Version} (live) reads other features than {name}; the simulated dispatch needs every variant's model on the same features build.");
            }

            models[other] = live.Ensemble;
        }

        return (models, null);
    }

    public static async Task<IReadOnlyList<DispatchedList>> MeasureAsync(DataRoot root, Quarter quarter, DispatchRankings rankings, IDispatchSimulation simulation, CancellationToken ct)
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

        // The rule cohorts' own picks on the model's lists, as method "cohort:<code>" after the five rankings.
        if (rankings.ByMethod[0].Count > 0)
        {
            foreach (var cohort in await simulation.CohortsAsync(root, quarter, rankings.ByMethod[0], ct).ConfigureAwait(false))
            {
                result.Add(Measure(cohort.Variant, RankingMethod.CohortPrefix + cohort.Code, cohort.Keys, rankings.InCrisis[cohort.Variant]));
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
