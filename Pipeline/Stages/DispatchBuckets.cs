using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using DispatchStage = BlindSpot.Dispatch.DispatchStage;

namespace BlindSpot.Pipeline.Stages;

/// <summary>
/// The dispatch stage as bucket jobs: one per roster bucket writing the roster facts its selection needs
/// (<see cref="DispatchStage.RunPartAsync"/>, skipped when current), then the selection, worklists, register and summary
/// from them (<see cref="DispatchStage.FromParts"/>, into the same stores as <see cref="DispatchUnits"/>).
/// </summary>
internal sealed class DispatchBuckets(FeedCatalog catalog, Pseudonymizer pseudonymizer, PipelineOptions options) : IBucketedStage, IDisposable
{
    private readonly Lazy<DispatchUnits> reduce = new(() => new DispatchUnits(catalog, pseudonymizer, options, fromParts: true));

    public string Name => Core.Stages.StageNames.Dispatch;

    public IPipelineStage Reduce => reduce.Value;

    public IReadOnlyList<string> Parts(DataRoot root, Quarter quarter) => DispatchStage.Parts(root, quarter);

    public Task RunPartAsync(DataRoot root, Quarter quarter, string part, CancellationToken ct) => reduce.Value.Stage.RunPartAsync(root, quarter, part, ct);

    public void Dispose()
    {
        if (reduce.IsValueCreated)
        {
            reduce.Value.Dispose();
        }
    }
}
