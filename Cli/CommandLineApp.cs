using System.CommandLine;
using BlindSpot.Cli.Commands;
using BlindSpot.Cli.Configuration;

namespace BlindSpot.Cli;

/// <summary>Builds the verb tree and runs it: exit 0 on success, 2 on bad arguments, 1 on failure, always with a one-line error.</summary>
internal static class CommandLineApp
{
    public static RootCommand Build(TextWriter output)
    {
        var root = new RootCommand("BlindSpot: finds people in crisis from quarterly crisis-indicator feeds, scores them and sends worklists to municipalities.")
        {
            CatalogCommand.Create(output),
            GenerateCommand.Create(output),
            IngestCommand.Create(output),
            FeaturesCommand.Create(output),
            DispatchCommand.Create(output),
            DiscoveryIndexCommand.Create(output),
            OutcomesCommand.Create(output),
            ReportsCommand.Create(output),
            TrainCommand.Create(output),
            ModelsCommand.Create(output),
            ScoreCommand.Create(output),
            EvaluateCommand.Create(output),
            RunQuarterCommand.Create(output),
            RunsCommand.Create(output),
            WorkerCommand.Create(output),
            ServeCommand.Create(output),
            UsersCommand.Create(output, Console.In),
            // Every verb reads the one configuration stack (appsettings.json, BLINDSPOT_* variables, options).
            CliConfiguration.ConfigOption(),
        };
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = Build(output);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // Unrecognised tokens first: they say what the user typed wrong; "command not provided" follows from them.
            // Some of System.CommandLine's messages list choices on several lines: the error stays one line.
            var messages = parse.Errors.Select(e => OneLine(e.Message).TrimEnd('.')).Distinct().OrderBy(m => m.StartsWith("Unrecognized", StringComparison.Ordinal) ? 0 : 1);
            await error.WriteLineAsync($"error: {string.Join("; ", messages)} (see '{HelpCommand(parse)}')").ConfigureAwait(false);
            return ExitCodes.BadArguments;
        }

        try
        {
            var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
            if (parse.CommandResult.Command.Name is WorkerCommand.Name or ServeCommand.Name)
            {
                // The hosts take SIGTERM and Ctrl+C themselves (console or systemd lifetime) and stop gracefully, which
                // may take longer than System.CommandLine's 2 s before it ends the process with 143.
                invocation.ProcessTerminationTimeout = null;
            }

            return await parse.InvokeAsync(invocation).ConfigureAwait(false);
        }
        catch (SettingsException ex)
        {
            // Bad configuration is a bad invocation: exit 2, the key named, no help hint (the fix is in a file or variable).
            await error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.BadArguments;
        }
        catch (BadArgumentsException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message} (see '{HelpCommand(parse)}')").ConfigureAwait(false);
            return ExitCodes.BadArguments;
        }
        catch (Exception ex) when (CliErrors.IsExpected(ex))
        {
            await error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string HelpCommand(ParseResult parse) =>
        string.Join(' ', new[] { "blindspot", CommandPath(parse), "--help" }.Where(part => part.Length > 0));

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null && result.Command is not RootCommand; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, result.Command.Name);
        }

        return string.Join(' ', names);
    }
}
