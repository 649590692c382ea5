namespace BlindSpot.Core.Stages;

/// <summary>
/// The peak working set of this process while a stage runs, for the stage record and the run report: the working set is
/// sampled every 100 ms from <see cref="Start"/> until <see cref="Peak"/> is read. Sampling, not the kernel's
/// high-water mark: resetting that mark (/proc/self/clear_refs) would also reset what <c>/usr/bin/time -v</c> reports for the
/// whole process, which the benchmarks rely on. The checkpoint (<see cref="StageCheckpoint"/>) samples every stage it runs. A spike shorter than the interval can be missed; stages that run at once
/// in one process (several workers) see each other's memory.
/// </summary>
public sealed class PeakMemory : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly Timer timer;
    private long peak = Environment.WorkingSet;

    private PeakMemory() => timer = new Timer(_ => Sample(), null, Interval, Interval);

    /// <summary>The largest working set seen since <see cref="Start"/>, in bytes, this moment included.</summary>
    public long Peak
    {
        get
        {
            Sample();
            return Interlocked.Read(ref peak);
        }
    }

    public static PeakMemory Start() => new();

    public void Dispose() => timer.Dispose();

    private void Sample()
    {
        var now = Environment.WorkingSet;
        long seen;
        while (now > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, now, seen) != seen)
        {
        }
    }
}
