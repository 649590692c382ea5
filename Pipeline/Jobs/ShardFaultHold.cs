namespace BlindSpot.Pipeline.Jobs;

/// <summary>
/// A test hook, not a production setting: how long a score shard job holds its part's lock before scoring, so the worker
/// crash and shutdown tests can kill a real worker process while a shard is certainly in flight (a sample part scores in
/// milliseconds). A test process tells its child worker through <see cref="Variable"/>, which only this type reads, once,
/// when the pipeline is registered; an in-process test may register its own instance first. Unset (production), there is
/// no hold; the value is capped at <see cref="Longest"/> so a stray setting cannot stall a run for long.
/// </summary>
internal sealed class ShardFaultHold
{
    /// <summary>The environment variable a test sets on the worker it starts: milliseconds to hold.</summary>
    public const string Variable = "BLINDSPOT_FAULT_SHARD_HOLD_MS";

    /// <summary>The longest hold honoured.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(60);

    private ShardFaultHold(TimeSpan hold) => Hold = hold;

    /// <summary>No hold: what production runs with.</summary>
    public static ShardFaultHold None { get; } = new(TimeSpan.Zero);

    /// <summary>How long a shard job waits before scoring; zero for none.</summary>
    public TimeSpan Hold { get; }

    /// <summary>The hold <see cref="Variable"/> asks for, or <see cref="None"/>.</summary>
    public static ShardFaultHold FromEnvironment() => Parse(Environment.GetEnvironmentVariable(Variable));

    /// <summary>A positive whole number of milliseconds, capped at <see cref="Longest"/>; anything else is <see cref="None"/>.</summary>
    public static ShardFaultHold Parse(string? milliseconds) =>
        int.TryParse(milliseconds, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms) && ms > 0
            ? new ShardFaultHold(TimeSpan.FromMilliseconds(Math.Min(ms, Longest.TotalMilliseconds)))
            : None;

    /// <summary>Waits out the hold (at once when there is none).</summary>
    public Task WaitAsync(CancellationToken cancellationToken) =>
        Hold > TimeSpan.Zero ? Task.Delay(Hold, cancellationToken) : Task.CompletedTask;
}
