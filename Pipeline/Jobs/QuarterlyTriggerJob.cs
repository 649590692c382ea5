using BlindSpot.Core.Quarters;
using BlindSpot.Pipeline.Runs;
using Hangfire;

namespace BlindSpot.Pipeline.Jobs;

/// <summary>
/// The recurring job's body: triggers the run of the quarter that has just ended, as seen in the schedule's time zone
/// (at 02:00 on 1 October in Seoul that is Q3, whatever the server's own zone). Not retried: a trigger refused because
/// the quarter is already running must not come back.
/// </summary>
[AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
public sealed class QuarterlyTriggerJob
{
    private readonly QuarterRunTrigger trigger;
    private readonly PipelineOptions options;
    private readonly TimeProvider time;

    internal QuarterlyTriggerJob(QuarterRunTrigger trigger, PipelineOptions options, TimeProvider time)
    {
        this.trigger = trigger;
        this.options = options;
        this.time = time;
    }

    public Task<string> TriggerLastQuarterAsync()
    {
        var quarter = QuarterJustEnded(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone));
        return Task.FromResult(trigger.Trigger(quarter).RunId);
    }

    /// <summary>The quarter before the one containing <paramref name="now"/> in <paramref name="zone"/>.</summary>
    public static Quarter QuarterJustEnded(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Quarter.Containing(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime)).Previous;
    }
}
