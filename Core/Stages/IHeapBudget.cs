using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Core.Stages;

/// <summary>
/// A stage whose process should run under a hard heap limit when it runs alone (a CLI verb): left alone, the GC lets the
/// big stages grow past their memory budget before collecting. The budget is the stage's own, documented beside it; the
/// host applies it in one place (<see cref="Memory.HeapLimit"/>). The in-process quarter run sets none (its stages share a process).
/// </summary>
public interface IHeapBudget
{
    /// <summary>The hard heap limit in bytes for <paramref name="quarter"/>, or null for none.</summary>
    Task<long?> HeapLimitAsync(DataRoot root, Quarter quarter, CancellationToken ct);
}
