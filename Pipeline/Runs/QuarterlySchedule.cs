using BlindSpot.Pipeline.Jobs;
using Hangfire;

namespace BlindSpot.Pipeline.Runs;

/// <summary>The recurring quarterly run: <see cref="PipelineOptions.Cron"/> in <see cref="PipelineOptions.TimeZone"/>, on the pipeline's queue.</summary>
public static class QuarterlySchedule
{
    public const string RecurringJobId = "blindspot-quarterly-run";

    /// <summary>Adds or updates the recurring job; safe to call on every start.</summary>
    public static void Register(IRecurringJobManager manager, PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(options);
        manager.AddOrUpdate<QuarterlyTriggerJob>(
            RecurringJobId,
            options.Queue,
            job => job.TriggerLastQuarterAsync(),
            options.Cron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone) });
    }
}
