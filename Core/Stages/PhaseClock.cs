using System.Diagnostics;

namespace BlindSpot.Core.Stages;

/// <summary>
/// The wall time of a stage's phases, in order, for benchmarks and a verb's output (<c>phases: read roster 2.5 s, …</c>):
/// <see cref="Lap"/> closes the phase begun at the last lap (or at <see cref="Restart"/>). Timings never go into a file
/// that must be reproducible. Not thread-safe: one clock per run, laps taken on the run's own flow.
/// </summary>
public sealed class PhaseClock
{
    private readonly long started = Stopwatch.GetTimestamp();
    private readonly List<StagePhase> phases = [];
    private long lap;

    public PhaseClock() => lap = started;

    /// <summary>Since the clock was made.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(started);

    public IReadOnlyList<StagePhase> Phases => phases;

    /// <summary>Starts the next phase now, leaving the time since the last lap unrecorded.</summary>
    public void Restart() => lap = Stopwatch.GetTimestamp();

    /// <summary>Records the phase begun at the last lap as <paramref name="name"/>, and starts the next one.</summary>
    public void Lap(string name)
    {
        var now = Stopwatch.GetTimestamp();
        phases.Add(new StagePhase(name, Stopwatch.GetElapsedTime(lap, now)));
        lap = now;
    }
}
