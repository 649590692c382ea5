namespace BlindSpot.Pipeline.Jobs;

/// <summary>
/// A test hook, not a production setting: how long a bucket job of one stage holds its part's lock before doing its
/// part, so the worker crash and shutdown tests can kill a real worker process while a bucket is certainly in flight (a
/// sample bucket takes milliseconds). A test process tells its child worker through <see cref="Variable"/> (and, for a
/// stage other than score, <see cref="StageVariable"/>), which only this type reads, once, when the pipeline is
/// registered; an in-process test may register its own instance first. Unset (production), there is no hold; the value
/// is capped at <see cref="Longest"/> so a stray setting cannot stall a run for long.
/// </summary>
internal sealed class ShardFaultHold
{
    /// <summary>The environment variable a test sets on the worker it starts: milliseconds to hold.</summary>
    public const string Variable = "BLINDSPOT_FAULT_SHARD_HOLD_MS";

    /// <summary>The environment variable naming the bucketed stage(s) whose parts are held (<c>features</c>, <c>score</c>, <c>dispatch</c>, or several separated by commas); default score.</summary>
    public const string StageVariable = "BLINDSPOT_FAULT_SHARD_STAGE";

    /// <summary>The longest hold honoured.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(60);

    private readonly HashSet<string> stages;

    private ShardFaultHold(TimeSpan hold, string stage)
    {
        Hold = hold;
        Stage = stage;
        stages = [.. stage.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
    }

    /// <summary>No hold: what production runs with.</summary>
    public static ShardFaultHold None { get; } = new(TimeSpan.Zero, PipelineStages.Score);

    /// <summary>How long a part job of <see cref="Stage"/> waits before doing its part; zero for none.</summary>
    public TimeSpan Hold { get; }

    /// <summary>The bucketed stage whose part jobs are held (or several, separated by commas).</summary>
    public string Stage { get; }

    /// <summary>The hold <see cref="Variable"/> and <see cref="StageVariable"/> ask for, or <see cref="None"/>.</summary>
    public static ShardFaultHold FromEnvironment() => Parse(Environment.GetEnvironmentVariable(Variable), Environment.GetEnvironmentVariable(StageVariable));

    /// <summary>
    /// A positive whole number of milliseconds, capped at <see cref="Longest"/>, for the parts of <paramref name="stage"/>
    /// (score when not given); anything else is <see cref="None"/>.
    /// </summary>
    public static ShardFaultHold Parse(string? milliseconds, string? stage = null) =>
        int.TryParse(milliseconds, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms) && ms > 0
            ? new ShardFaultHold(TimeSpan.FromMilliseconds(Math.Min(ms, Longest.TotalMilliseconds)), string.IsNullOrWhiteSpace(stage) ? PipelineStages.Score : stage.Trim())
            : None;

    /// <summary>Waits out the hold when <paramref name="stage"/> is the held one (at once otherwise, or when there is none).</summary>
    public Task WaitAsync(string stage, CancellationToken cancellationToken) =>
        Hold > TimeSpan.Zero && stage is not null && stages.Contains(stage) ? Task.Delay(Hold, cancellationToken) : Task.CompletedTask;
}
