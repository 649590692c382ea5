using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch;
using BlindSpot.Dispatch.Simulation;
using BlindSpot.Scoring.Evaluation;

namespace BlindSpot.Cli.Evaluation;

/// <summary>
/// Plugs Dispatch's selection into Scoring's evaluation. The host composes the two stages so neither references the
/// other: Scoring asks through its <see cref="IDispatchSimulation"/> port, Dispatch answers with its own selection code.
/// </summary>
/// <param name="options">The dispatch options, as <c>dispatch</c> uses them (configuration section <c>Dispatch</c>).</param>
/// <param name="catalog">The catalog whose rule cohorts dispatch lists; null lists none (only for tests that want the models' lists alone).</param>
internal sealed class DispatchSimulationAdapter(DispatchOptions options, FeedCatalog? catalog) : IDispatchSimulation
{
    private (string Root, Quarter Quarter, SimulatedDispatch Dispatch)? loaded;

    public async Task<IReadOnlyList<IReadOnlyDictionary<Variant, IReadOnlyList<long>>>> SelectAsync(
        DataRoot root, Quarter quarter, IReadOnlyList<IReadOnlyDictionary<Variant, IReadOnlyList<long>>> rankings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rankings);
        var dispatch = await LoadAsync(root, quarter, ct).ConfigureAwait(false);
        return [.. rankings.Select(dispatch.Select)];
    }

    public async Task<IReadOnlyList<CohortPicks>> CohortsAsync(DataRoot root, Quarter quarter, IReadOnlyDictionary<Variant, IReadOnlyList<long>> rankings, CancellationToken ct)
    {
        if (catalog is null || catalog.Cohorts.Count == 0)
        {
            return [];
        }

        var dispatch = await LoadAsync(root, quarter, ct).ConfigureAwait(false);
        var picks = dispatch.SelectWithCohorts(rankings).Cohorts;
        return [.. catalog.Cohorts.Where(c => picks.ContainsKey(c.Code)).Select(c => new CohortPicks(c.Code, c.Variant, picks[c.Code]))];
    }

    /// <summary>
    /// The quarter's selection inputs (roster, not-eligible history, cohort members), read once for both calls an
    /// evaluation makes on one quarter (<see cref="SelectAsync"/>, then <see cref="CohortsAsync"/>).
    /// </summary>
    private async Task<SimulatedDispatch> LoadAsync(DataRoot root, Quarter quarter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (loaded is { } last && last.Root == root.Path && last.Quarter == quarter)
        {
            return last.Dispatch;
        }

        var dispatch = await SimulatedDispatch.LoadAsync(root, quarter, options, catalog, ct).ConfigureAwait(false);
        loaded = (root.Path, quarter, dispatch);
        return dispatch;
    }
}
