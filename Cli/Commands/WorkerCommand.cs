using System.CommandLine;
using System.Globalization;
using BlindSpot.Cli.Configuration;
using BlindSpot.Cli.Hosting;
using BlindSpot.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BlindSpot.Cli.Commands;

/// <summary>
/// <c>blindspot worker --postgres CONNSTR [--queues …]</c>: a Hangfire server that runs pipeline jobs from PostgreSQL until
/// stopped (SIGTERM or Ctrl+C: a running stage goes back to the queue). Any number of them, on machines sharing the data
/// root, share the work. It also keeps the recurring quarterly run registered. Runs on the Generic Host, as a systemd
/// service too (deploy/blindspot-worker.service).
/// </summary>
internal static class WorkerCommand
{
    public const string Name = "worker";

    public static Command Create(TextWriter output)
    {
        var defaults = new PipelineOptions();
        var postgres = PipelineHost.Postgres();
        var data = CommonOptions.Data();
        var models = ModelOptions.Models();
        var queues = new Option<string[]>("--queues") { Description = $"Queues to take jobs from; default '{defaults.Queue}' and '{defaults.ShardQueue}'. Configuration key Worker:Queues.", AllowMultipleArgumentsPerToken = true }.Configures("Worker:Queues");
        var workers = new Option<int>("--workers") { Description = "Jobs run at once (1–16); configuration key Pipeline:WorkerCount.", DefaultValueFactory = _ => defaults.WorkerCount }.InRange(1, 16).Configures("Pipeline:WorkerCount");
        var cron = new Option<string>("--cron") { Description = "Cron of the recurring quarterly run; configuration key Pipeline:Cron.", DefaultValueFactory = _ => defaults.Cron }.Configures("Pipeline:Cron");
        var zone = new Option<string>("--time-zone") { Description = "IANA time zone of --cron; configuration key Pipeline:TimeZone.", DefaultValueFactory = _ => defaults.TimeZone }.Configures("Pipeline:TimeZone");
        var logLevel = CliLogging.Level(LogLevel.Information);
        var schema = PipelineHost.Schema();
        var worklistSchema = PipelineHost.WorklistSchema();
        var invisibility = new Option<int>("--invisibility-timeout")
        {
            Description = "Minutes after which the job of a worker that died (no heartbeat) is taken over by another (1–60); configuration key Pipeline:InvisibilityTimeout (hh:mm:ss).",
            DefaultValueFactory = _ => (int)defaults.InvisibilityTimeout.TotalMinutes,
        }.InRange(1, 60).Configures("Pipeline:InvisibilityTimeout", Minutes);
        var health = new Option<string?>("--health-urls")
        {
            Description = "Serve /healthz and /readyz here (e.g. http://127.0.0.1:5081); configuration key Worker:HealthUrls. Default: no HTTP endpoint.",
        }.Configures("Worker:HealthUrls");
        var command = new Command(Name, "Run pipeline jobs from PostgreSQL job storage until stopped; keeps the quarterly schedule registered.")
        {
            postgres, schema, worklistSchema, data, models, queues, workers, cron, zone, invisibility, health, logLevel,
        };
        command.SetAction(async (parse, ct) =>
        {
            var settings = CliSettings.Of(parse);
            _ = settings.Postgres
                ?? throw new BadArgumentsException($"worker needs PostgreSQL job storage: give --postgres, set {PipelineHost.PostgresVariable} or Postgres in appsettings.json (in-memory jobs live only in the process that made them).");
            using var host = WorkerHost.Build(settings);
            var options = host.Services.GetRequiredService<PipelineOptions>();
            var names = host.Services.GetRequiredService<PipelineWorkerService>().Queues;
            await host.StartAsync(ct);
            await output.WriteLineAsync($"worker: {options.WorkerCount} worker(s) on queue(s) {string.Join(", ", names)}; data {options.DataRoot}; schedule '{options.Cron}' {options.TimeZone}. Ctrl+C or SIGTERM stops.");
            // The host's lifetime (console or systemd) takes SIGTERM and Ctrl+C and stops the host; wait for that.
            await host.WaitForShutdownAsync(ct);
            await output.WriteLineAsync("worker: stopped; a stage it was running went back to the queue.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Minutes(string text) =>
        TimeSpan.FromMinutes(int.Parse(text, CultureInfo.InvariantCulture)).ToString("c", CultureInfo.InvariantCulture);
}
