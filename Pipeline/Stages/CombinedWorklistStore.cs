using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Worklists;

namespace BlindSpot.Pipeline.Stages;

/// <summary>
/// Worklists into several stores one after another (the files, then PostgreSQL). Each store replaces the quarter in one
/// step on its own; if a later one fails the stage fails and its rerun replaces them all again, so none keeps duplicates.
/// </summary>
internal sealed class CombinedWorklistStore(IReadOnlyList<IWorklistStore> stores) : IWorklistStore
{
    public string Describe(Quarter quarter) => string.Join(" and ", stores.Select(s => s.Describe(quarter)));

    public string Destination => string.Join(" and ", stores.Select(s => s.Destination));

    public async Task ReplaceQuarterAsync(Quarter quarter, IReadOnlyList<WorklistEntry> entries, CancellationToken ct)
    {
        foreach (var store in stores)
        {
            await store.ReplaceQuarterAsync(quarter, entries, ct).ConfigureAwait(false);
        }
    }
}
