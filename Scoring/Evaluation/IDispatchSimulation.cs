using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Scoring.Evaluation;

/// <summary>
/// Dispatch's selection as evaluation needs it: given rankings of a quarter, the lists officers would receive. Scoring
/// never references Dispatch (stages stay apart); the host implements this port over Dispatch's <c>SimulatedDispatch</c>,
/// so the rules are Dispatch's own code, not a copy.
/// </summary>
public interface IDispatchSimulation
{
    /// <summary>
    /// For each set of rankings (person keys, best first, per variant), each variant's selected person keys in the order
    /// chosen. The quarter's roster and not-eligible history are read once for all of them.
    /// </summary>
    Task<IReadOnlyList<IReadOnlyDictionary<Variant, IReadOnlyList<long>>>> SelectAsync(
        DataRoot root, Quarter quarter, IReadOnlyList<IReadOnlyDictionary<Variant, IReadOnlyList<long>>> rankings, CancellationToken ct);

    /// <summary>
    /// The catalog rule cohorts' part of the lists <paramref name="rankings"/> dispatch (each cohort's picks, also inside
    /// its variant's list from <see cref="SelectAsync"/>), so their own precision can be measured. None by default.
    /// </summary>
    Task<IReadOnlyList<CohortPicks>> CohortsAsync(DataRoot root, Quarter quarter, IReadOnlyDictionary<Variant, IReadOnlyList<long>> rankings, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<CohortPicks>>([]);
}
