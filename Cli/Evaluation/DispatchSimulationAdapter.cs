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
internal sealed class DispatchSimulationAdapter(DispatchOptions options) : IDispatchSimulation
{
    public async Task<IReadOnlyList<IReadOnlyDictionary<Variant, IReadOnlyList<long>>>> SelectAsync(
        DataRoot root, Quarter quarter, IReadOnlyList<IReadOnlyDictionary<Variant, IReadOnlyList<long>>> rankings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rankings);
        var dispatch = await SimulatedDispatch.LoadAsync(root, quarter, options, ct).ConfigureAwait(false);
        return [.. rankings.Select(dispatch.Select)];
    }
}
