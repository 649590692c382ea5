using System.CommandLine;
using BlindSpot.Cli.Configuration;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Pipeline;
using BlindSpot.Pipeline.Hosting;
using BlindSpot.Pipeline.Runs;
using BlindSpot.Pipeline.Stages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BlindSpot.Cli.Commands;

/// <summary>
/// <c>blindspot run-quarter &lt;quarter&gt; [--data DIR] [--models DIR] [--postgres CONNSTR] [--dispatch-date yyyy-MM-dd] [--wait]</c>: the whole chain.
/// In-memory storage runs it in this process and waits; PostgreSQL storage enqueues it for workers and, with --wait, follows it.
/// </summary>
internal static class RunQuarterCommand
{
    public static Command Create(TextWriter output)
    {
        var quarter = CommonOptions.QuarterArgument();
        var data = CommonOptions.Data();
        var models = ModelOptions.Models();
        var postgres = PipelineHost.Postgres();
        var schema = PipelineHost.Schema();
        var worklistSchema = PipelineHost.WorklistSchema();
        var shards = new Option<bool?>("--score-shards") { Description = "Run ingest (roster, then one job per feed), features and score (one job per household bucket) as part jobs on the shards queue, then a reduce per stage (true|false). Default: true with PostgreSQL, false in memory." }.Configures("Pipeline:ScoreShards");
        // Warning: the quick start shows its progress table, not log lines; --log-level Information shows every stage's.
        var logLevel = CliLogging.Level(LogLevel.Warning);
        var dispatchDate = CommonOptions.DispatchDate();
        var wait = new Option<bool>("--wait") { Description = "With PostgreSQL storage: follow the run until it ends. In-memory runs always wait." };
        var command = new Command("run-quarter", "Run a quarter end to end: ingest → features → score → dispatch → discovery-index → report, resuming at the first incomplete stage.")
        {
            quarter, data, models, postgres, schema, worklistSchema, shards, dispatchDate, wait, logLevel,
        };
        command.SetAction(async (parse, ct) =>
        {
            var q = parse.GetValue(quarter);
            var settings = CliSettings.Of(parse);
            // The dispatch date's range depends on the quarter: refused here (exit 2) rather than when the run reaches dispatch.
            settings.Dispatch(q);
            var root = settings.DataRoot;
            var connection = settings.Postgres;
            await using var services = PipelineHost.Build(settings, LogLevel.Warning);
            if (services.GetRequiredService<Pseudonymizer>().IsSampleKey)
            {
                await output.WriteLineAsync($"warning: {Pseudonymizer.KeyVariable} is not set; using the published SAMPLE key, fit for synthetic data only.");
            }

            var trigger = services.GetRequiredService<QuarterRunTrigger>();
            var follower = services.GetRequiredService<RunFollower>();
            if (connection is null)
            {
                using var server = services.GetRequiredService<PipelineServer>().Start();
                var ticket = trigger.Trigger(q);
                await output.WriteLineAsync($"run {ticket.RunId}: in this process, in-memory job storage");
                return Finish(await RunProgressView.FollowAsync(follower, ticket, output, ct), root, output);
            }

            if (parse.GetValue(dispatchDate) is not null)
            {
                // Job arguments are the quarter and run id only: the workers dispatch with their own configuration.
                throw new BadArgumentsException("--dispatch-date applies to a run in this process; with PostgreSQL the workers run dispatch with their own configuration: set Dispatch:DispatchDate there (BLINDSPOT_DISPATCH__DISPATCH_DATE) and restart them.");
            }

            var queued = trigger.Trigger(q);
            await output.WriteLineAsync($"run {queued.RunId} enqueued in PostgreSQL (queue '{services.GetRequiredService<PipelineOptions>().Queue}'); 'blindspot worker --postgres …' processes run it.");
            return parse.GetValue(wait)
                ? Finish(await RunProgressView.FollowAsync(follower, queued, output, ct), root, output)
                : ExitCodes.Success;
        });
        return command;
    }

    private static int Finish(RunOutcome outcome, DataRoot root, TextWriter output)
    {
        var q = outcome.Ticket.Quarter;
        if (!outcome.Succeeded)
        {
            // The reason once, and nothing after it: the stage table (with the same reason) is what 'runs show' is for.
            output.WriteLine($"run-quarter {q} failed at {outcome.FailedStage}: {outcome.Error}");
            output.WriteLine($"Fix the cause and run it again: completed stages with unchanged inputs are skipped, the run resumes at {outcome.FailedStage} ('blindspot runs show {q}' lists the stages).");
            return ExitCodes.Failure;
        }

        RunsCommand.PrintStages(root, q, output);

        output.WriteLine($"run-quarter {q} finished (run {outcome.Ticket.RunId}).");
        output.WriteLine($"  worklists:    {root.WorklistFolder(q)}");
        output.WriteLine($"  report:       {ReportStage.ReportPath(root, q)}");
        output.WriteLine($"  run manifest: {root.RunManifest(q)}");
        return ExitCodes.Success;
    }
}
