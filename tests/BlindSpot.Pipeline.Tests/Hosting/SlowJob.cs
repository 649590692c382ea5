using System.Collections.Concurrent;

namespace BlindSpot.Pipeline.Tests.Hosting;

/// <summary>A job that runs longer than the invisibility timeout and counts how often it was started, per key.</summary>
public sealed class SlowJob
{
    public static ConcurrentDictionary<string, int> Starts { get; } = new(StringComparer.Ordinal);

    public async Task RunAsync(string key, int seconds, CancellationToken cancellationToken)
    {
        Starts.AddOrUpdate(key, 1, (_, n) => n + 1);
        await Task.Delay(TimeSpan.FromSeconds(seconds), cancellationToken);
    }
}
