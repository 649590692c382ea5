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
}
