using System.CommandLine;
using BlindSpot.Cli.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace BlindSpot.Cli.Commands;

/// <summary>
/// The log output of the pipeline verbs: to stderr, so the verb's own stdout (tables, paths) stays as it was; JSON lines
/// when stderr is not a terminal (a service manager, a file, a collector), one readable line per entry on a terminal;
/// level from the configuration's <c>LogLevel</c> (<c>--log-level</c>, <c>BLINDSPOT_LOG_LEVEL</c>, appsettings.json), else the verb's default. Hangfire logs through it too.
/// </summary>
internal static class CliLogging
{
    public const string LevelVariable = "BLINDSPOT_LOG_LEVEL";

    public static Option<LogLevel?> Level(LogLevel fallback) => new Option<LogLevel?>("--log-level")
    {
        Description = $"Least level logged to stderr (Trace, Debug, Information, Warning, Error, Critical, None); configuration key LogLevel, env {LevelVariable}. Default: {fallback}.",
    }.Configures("LogLevel");

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
