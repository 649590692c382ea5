using System.Globalization;
using BlindSpot.Pipeline;
using BlindSpot.Pipeline.Runs;
using Spectre.Console;

namespace BlindSpot.Cli.Commands;

/// <summary>
/// Shows a followed run: a Spectre.Console progress bar per stage when the output is an interactive terminal, plain
/// log lines otherwise (CI logs, files, tests), one per change of a stage's status.
/// </summary>
internal static class RunProgressView
{
    public static bool IsInteractive(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    public static Task<RunOutcome> FollowAsync(RunFollower follower, RunTicket ticket, TextWriter output, CancellationToken ct) =>
        IsInteractive(output) ? FollowWithBarsAsync(follower, ticket, ct) : follower.FollowAsync(ticket, p => output.WriteLine(Line(ticket, p)), ct);

    public static string Line(RunTicket ticket, StageProgress progress)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(progress);
        var text = $"{progress.Stage} {ticket.Quarter}: {progress.Status.ToString().ToLowerInvariant()}";
        if (progress.Status == StageStatus.Completed && progress.Record is { } record)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" in {record.Duration?.TotalSeconds:F1} s");
            if (record.Counts.Count > 0)
            {
                text += " (" + string.Join(", ", record.Counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value:N0}"))) + ")";
            }
        }
        else if (progress.Status == StageStatus.Skipped)
        {
            text += " (inputs unchanged, outputs intact)";
        }
        else if (progress.Status != StageStatus.Failed && progress.Message is { Length: > 0 } message)
        {
            // A failure's reason is printed once, by the verb, after the run: not here as well.
            text += ": " + message;
        }

        return text;
    }

    private static async Task<RunOutcome> FollowWithBarsAsync(RunFollower follower, RunTicket ticket, CancellationToken ct)
    {
        RunOutcome? outcome = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var tasks = PipelineStages.Order.ToDictionary(s => s, s => context.AddTask($"{s} {ticket.Quarter}", autoStart: false, maxValue: 1));
                outcome = await follower.FollowAsync(ticket, p => Update(tasks[p.Stage], ticket, p), ct).ConfigureAwait(false);
            }).ConfigureAwait(false);
        return outcome!;
    }

    private static void Update(ProgressTask task, RunTicket ticket, StageProgress progress)
    {
        // Short: the counts would wrap the bar; the stage table printed after the run has them.
        task.Description = Markup.Escape($"{progress.Stage} {ticket.Quarter}: {progress.Status.ToString().ToLowerInvariant()}");
        switch (progress.Status)
        {
            case StageStatus.Running:
                task.StartTask();
                task.IsIndeterminate = true;
                break;
            case StageStatus.Completed or StageStatus.Skipped:
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
                task.StopTask();
                break;
            case StageStatus.Failed or StageStatus.Cancelled:
                task.IsIndeterminate = false;
                task.StopTask();
                break;
            default:
                break;
        }
    }
}
