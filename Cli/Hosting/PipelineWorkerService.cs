using BlindSpot.Cli.Commands;
using BlindSpot.Cli.Configuration;
using BlindSpot.Pipeline;
using BlindSpot.Pipeline.Hosting;
using BlindSpot.Pipeline.Runs;
using Hangfire;
using Microsoft.Extensions.Hosting;

namespace BlindSpot.Cli.Hosting;

/// <summary>
/// The Hangfire servers of <c>blindspot worker</c> as a hosted service. Stopping (SIGTERM from systemd, Ctrl+C) signals
/// every server at once: a running job's cancellation token fires, its stage stops without recording a completion
/// (the runner records only what finished), and Hangfire hands the job back to the queue for the next worker.
/// </summary>
internal sealed class PipelineWorkerService(PipelineServer server, PipelineOptions options, IRecurringJobManager recurring, WorkerSettings worker, HangfireLogBinding logs) : IHostedService
{
    private IDisposable? running;

    /// <summary>The queues this worker takes jobs from: <c>Worker:Queues</c>, else the pipeline's queue and its shards queue.</summary>
    public IReadOnlyList<string> Queues => worker.Queues.Count > 0 ? [.. worker.Queues] : PipelineServer.DefaultQueues(options);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(logs);
        QuarterlySchedule.Register(recurring, options);
        running = server.Start(Queues);
        return Task.CompletedTask;
    }

    // Disposing waits for the servers' own shutdown (Hangfire's ShutdownTimeout); off the caller's thread so the host's
    // other services stop meanwhile.
    public Task StopAsync(CancellationToken cancellationToken) => Task.Run(() => running?.Dispose(), CancellationToken.None);
}
