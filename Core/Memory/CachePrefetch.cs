using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace BlindSpot.Core.Memory;

/// <summary>
/// Asks the CPU to start loading an array element into cache, for loops that touch large arrays at random places (key
/// lookups, per-unit aggregates): issued a dozen iterations ahead, the misses of a loop overlap instead of following one
/// another. Only a hint: it never faults and changes no value; without SSE it does nothing.
/// </summary>
public static class CachePrefetch
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Element<T>(T[] array, int index)
        where T : struct
    {
        if (Sse.IsSupported && unchecked((uint)index < (uint)array.Length))
        {
            // The array may move after its address is read: nothing here allocates, and a prefetch of a stale address is
            // a wasted hint, never a fault.
            Sse.Prefetch0(Unsafe.AsPointer(ref array[index]));
        }
    }
}
