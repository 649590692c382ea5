using System.Diagnostics;

namespace BlindSpot.Pipeline.Jobs;

/// <summary>A job's logging scope and its span, ended together (the span first, so its end is logged inside the scope).</summary>
internal sealed class JobScope(IDisposable? logScope, Activity? span) : IDisposable
{
    public void Dispose()
    {
        span?.Dispose();
        logScope?.Dispose();
    }
}
