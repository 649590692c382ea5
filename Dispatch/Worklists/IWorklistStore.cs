using BlindSpot.Core.Quarters;

namespace BlindSpot.Dispatch.Worklists;

/// <summary>Where a quarter's worklists go. Replacing a quarter is all-or-nothing and never duplicates rows.</summary>
public interface IWorklistStore
{
    /// <summary>A line for the console: where the worklists are.</summary>
    string Describe(BlindSpot.Core.Quarters.Quarter quarter);

    /// <summary>
    /// Where the worklists go, as part of the dispatch stage's checkpoint key (so switching stores dispatches again):
    /// a short name without the data root's path. Default: the store's type name.
    /// </summary>
    string Destination => GetType().Name;

    /// <summary>Replaces every worklist of <paramref name="quarter"/> with <paramref name="entries"/> in one step.</summary>
    Task ReplaceQuarterAsync(Quarter quarter, IReadOnlyList<WorklistEntry> entries, CancellationToken ct);
}
