using Hangfire;

namespace BlindSpot.Pipeline.Hosting;

/// <summary>Starts Hangfire servers that run the pipeline's jobs from its storage and queues.</summary>
public sealed class PipelineServer
{
    private readonly JobStorage storage;
    private readonly PipelineOptions options;
    private readonly IServiceProvider services;

    internal PipelineServer(JobStorage storage, PipelineOptions options, IServiceProvider services)
    {
        this.storage = storage;
        this.options = options;
        this.services = services;
    }

    /// <summary>A running server on <paramref name="queues"/> (default: the pipeline's queue and its shards queue); dispose it to stop.</summary>
    public BackgroundJobServer Start(IReadOnlyList<string>? queues = null, string? name = null) => new(
        new BackgroundJobServerOptions
        {
            ServerName = name ?? $"blindspot-{Environment.MachineName}-{Environment.ProcessId}",
            Queues = [.. queues is { Count: > 0 } ? queues : DefaultQueues(options)],
            WorkerCount = options.WorkerCount,
            Activator = new ServiceProviderJobActivator(services),
            // Retries are scheduled; the default 15 s poll would leave a retried stage waiting longer than it needs.
            SchedulePollingInterval = options.PollInterval,
        },
        storage);

    /// <summary>The pipeline's queue, then its shards queue: a worker with no --queues takes both, so no run waits for a shard nobody takes.</summary>
    public static string[] DefaultQueues(PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ShardQueue == options.Queue ? [options.Queue] : [options.Queue, options.ShardQueue];
    }
}
