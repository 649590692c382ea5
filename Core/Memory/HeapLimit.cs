namespace BlindSpot.Core.Memory;

/// <summary>
/// Sets the process's hard GC heap limit (<c>GCHeapHardLimit</c>) at run time: the one place BlindSpot tunes the heap.
/// Exceeding it is an <see cref="OutOfMemoryException"/>, a loud failure rather than a slow one. Process-wide: a host sets
/// it once, for the one stage it runs (see <see cref="Stages.IHeapBudget"/>).
/// </summary>
public static class HeapLimit
{
    public static void Apply(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 256L << 20);
        AppContext.SetData("GCHeapHardLimit", (ulong)bytes);
        GC.RefreshMemoryLimit();
    }
}
