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

    /// <summary>
    /// Running servers on <paramref name="queues"/> (default: the pipeline's queue and its shards queue); dispose to stop.
    /// The shards queue gets a server of its own with <see cref="PipelineOptions.ShardWorkerCount"/> workers: a shard scores
    /// one part on one core, so one worker per core keeps the machine busy, while stages (which use every core themselves)
    /// keep <see cref="PipelineOptions.WorkerCount"/>.
    /// </summary>
    public IDisposable Start(IReadOnlyList<string>? queues = null, string? name = null)
    {
        var all = queues is { Count: > 0 } ? queues : DefaultQueues(options);
        var serverName = name ?? $"blindspot-{Environment.MachineName}-{Environment.ProcessId}";
        var stages = all.Where(q => q != options.ShardQueue).ToArray();
        var servers = new List<BackgroundJobServer>();
        if (stages.Length > 0)
        {
            servers.Add(Server(serverName, stages, options.WorkerCount));
        }

        if (all.Contains(options.ShardQueue))
        {
            servers.Add(Server(stages.Length > 0 ? serverName + "-shards" : serverName, [options.ShardQueue], options.ShardWorkerCount));
        }

        return new ServerGroup(servers);
    }

    /// <summary>The pipeline's queue, then its shards queue: a worker with no --queues takes both, so no run waits for a shard nobody takes.</summary>
    public static string[] DefaultQueues(PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ShardQueue == options.Queue ? [options.Queue] : [options.Queue, options.ShardQueue];
    }

    private BackgroundJobServer Server(string name, string[] queues, int workers) => new(
        new BackgroundJobServerOptions
        {
            ServerName = name,
            Queues = queues,
            WorkerCount = workers,
            Activator = new ServiceProviderJobActivator(services),
            // Retries are scheduled; the default 15 s poll would leave a retried stage waiting longer than it needs.
            SchedulePollingInterval = options.PollInterval,
        },
        storage);
}
