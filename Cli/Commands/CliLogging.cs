using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace BlindSpot.Cli.Commands;

/// <summary>
/// The log output of the pipeline verbs: to stderr, so the verb's own stdout (tables, paths) stays as it was; JSON lines
/// when stderr is not a terminal (a service manager, a file, a collector), one readable line per entry on a terminal;
/// level from <c>--log-level</c>, else <c>BLINDSPOT_LOG_LEVEL</c>, else the verb's default. Hangfire logs through it too.
/// </summary>
internal static class CliLogging
{
    public const string LevelVariable = "BLINDSPOT_LOG_LEVEL";

    public static Option<LogLevel?> Level(LogLevel fallback) => new("--log-level")
    {
        Description = $"Least level logged to stderr (Trace, Debug, Information, Warning, Error, Critical, None); also read from env {LevelVariable}. Default: {fallback}.",
    };

    /// <summary>The option, else the environment variable, else <paramref name="fallback"/>; a bad variable names itself.</summary>
    public static LogLevel Resolve(LogLevel? option, LogLevel fallback)
    {
        if (option is { } given)
        {
            return given;
        }

        var env = Environment.GetEnvironmentVariable(LevelVariable);
        if (env is not { Length: > 0 })
        {
            return fallback;
        }

        return Enum.TryParse<LogLevel>(env, ignoreCase: true, out var level) && Enum.IsDefined(level)
            ? level
            : throw new BadArgumentsException($"{LevelVariable}='{env}' is not a log level; use Trace, Debug, Information, Warning, Error, Critical or None.");
    }

    /// <summary>Adds the console logger at <paramref name="level"/> in the format stderr calls for.</summary>
    public static void Configure(ILoggingBuilder builder, LogLevel level)
    {
        builder.ClearProviders().SetMinimumLevel(level);
        if (Console.IsErrorRedirected)
        {
            builder.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
        }
        else
        {
            builder.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.IncludeScopes = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }

        // Every level to stderr: stdout belongs to the verb's own output, which scripts and tests read.
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
