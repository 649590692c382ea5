using System.CommandLine;
using BlindSpot.Core.Paths;
using BlindSpot.Pipeline;
using BlindSpot.Pipeline.Hosting;
using BlindSpot.Pipeline.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BlindSpot.Cli.Commands;

/// <summary>
/// <c>blindspot worker --postgres CONNSTR [--queues …]</c>: a Hangfire server that runs pipeline jobs from PostgreSQL until
/// stopped (Ctrl+C). Any number of them, on machines sharing the data root, share the work. It also keeps the recurring
/// quarterly run registered.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create(TextWriter output)
    {
        var defaults = new PipelineOptions();
        var postgres = PipelineHost.Postgres();
        var data = CommonOptions.Data();
        var models = ModelOptions.Models();
        var queues = new Option<string[]>("--queues") { Description = $"Queues to take jobs from; default '{defaults.Queue}' and '{defaults.ShardQueue}'.", AllowMultipleArgumentsPerToken = true };
        var workers = new Option<int>("--workers") { Description = "Jobs run at once (1–16).", DefaultValueFactory = _ => defaults.WorkerCount }.InRange(1, 16);
        var cron = new Option<string>("--cron") { Description = "Cron of the recurring quarterly run.", DefaultValueFactory = _ => defaults.Cron };
        var zone = new Option<string>("--time-zone") { Description = "IANA time zone of --cron.", DefaultValueFactory = _ => defaults.TimeZone };
        var logLevel = CliLogging.Level(LogLevel.Information);
        var schema = PipelineHost.Schema();
        var worklistSchema = PipelineHost.WorklistSchema();
        var invisibility = new Option<int>("--invisibility-timeout")
        {
            Description = "Minutes after which the job of a worker that died (no heartbeat) is taken over by another (1–60).",
            DefaultValueFactory = _ => (int)defaults.InvisibilityTimeout.TotalMinutes,
        }.InRange(1, 60);
        var command = new Command("worker", "Run pipeline jobs from PostgreSQL job storage until stopped; keeps the quarterly schedule registered.")
        {
            postgres, schema, worklistSchema, data, models, queues, workers, cron, zone, invisibility, logLevel,
        };
        command.SetAction(async (parse, ct) =>
        {
            var connection = PipelineHost.ResolvePostgres(parse.GetValue(postgres))
                ?? throw new BadArgumentsException($"worker needs PostgreSQL job storage: give --postgres or set {PipelineHost.PostgresVariable} (in-memory jobs live only in the process that made them).");
            var root = new DataRoot(parse.GetValue(data)!.FullName);
            await using var services = PipelineHost.Build(root, ModelOptions.ResolveModels(parse.GetValue(models), root), connection, CliLogging.Resolve(parse.GetValue(logLevel), LogLevel.Information), o =>
            {
                o.WorkerCount = parse.GetValue(workers);
                o.Cron = parse.GetValue(cron)!;
                o.TimeZone = parse.GetValue(zone)!;
                o.PostgresSchema = parse.GetValue(schema)!;
                o.WorklistSchema = parse.GetValue(worklistSchema)!;
                o.InvisibilityTimeout = TimeSpan.FromMinutes(parse.GetValue(invisibility));
            });
            var options = services.GetRequiredService<PipelineOptions>();
            QuarterlySchedule.Register(services.GetRequiredService<Hangfire.IRecurringJobManager>(), options);
            var names = parse.GetValue(queues) is { Length: > 0 } given ? given : PipelineServer.DefaultQueues(options);
            using var server = services.GetRequiredService<PipelineServer>().Start(names);
            await output.WriteLineAsync($"worker: {options.WorkerCount} worker(s) on queue(s) {string.Join(", ", names)}; data {root.Path}; schedule '{options.Cron}' {options.TimeZone}. Ctrl+C stops.");
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                await output.WriteLineAsync("worker: stopping; a stage it was running goes back to the queue.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
