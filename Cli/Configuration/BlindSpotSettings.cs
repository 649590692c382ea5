using System.Text;
using BlindSpot.Core.Keys;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BlindSpot.Cli.Configuration;

/// <summary>
/// The top-level settings every verb shares, bound from the configuration root (<c>appsettings.json</c>, then
/// <c>BLINDSPOT_*</c> variables, then options). <see cref="Postgres"/> and <see cref="PseudonymKey"/> are secrets:
/// no message, log line or <see cref="ToString"/> shows them.
/// </summary>
internal sealed class BlindSpotSettings
{
    /// <summary>Data root folder (<c>--data</c>, <c>BLINDSPOT_DATA</c>). Default "data", relative to the working directory.</summary>
    public string Data { get; set; } = "data";

    /// <summary>Models folder (<c>--models</c>). Default null: the repository's models/ when run inside it, else &lt;Data&gt;/models.</summary>
    public string? Models { get; set; }

    /// <summary>Npgsql connection string of the job storage, worklist table and portal tables (<c>--postgres</c>, <c>BLINDSPOT_POSTGRES</c>). Secret. Default null: in-memory jobs, files.</summary>
    public string? Postgres { get; set; }

    /// <summary>The pseudonym key, at least 32 bytes (<c>BLINDSPOT_PSEUDONYM_KEY</c>). Secret. Default null: the published SAMPLE key where a verb allows it.</summary>
    public string? PseudonymKey { get; set; }

    /// <summary>Least level logged to stderr (<c>--log-level</c>, <c>BLINDSPOT_LOG_LEVEL</c>): Trace … Critical, None. Default null: the verb's own.</summary>
    public string? LogLevel { get; set; }

    /// <summary><c>blindspot worker</c>'s own settings (section <c>Worker</c>).</summary>
    public WorkerSettings Worker { get; set; } = new();

    /// <summary><c>blindspot serve</c>'s own settings (section <c>Serve</c>); the portal's options are section <c>Portal</c>.</summary>
    public ServeSettings Serve { get; set; } = new();

    /// <summary>Metrics and traces (section <c>Telemetry</c>).</summary>
    public TelemetrySettings Telemetry { get; set; } = new();

    /// <summary>Section <c>Partitioning</c>.</summary>
    public PartitioningSettings Partitioning { get; set; } = new();

    /// <summary>The log level in effect: <see cref="LogLevel"/>, else <paramref name="fallback"/>.</summary>
    public LogLevel ResolvedLogLevel(LogLevel fallback) =>
        LogLevel is not { Length: > 0 } text ? fallback
        : Enum.TryParse<LogLevel>(text, ignoreCase: true, out var level) && Enum.IsDefined(level) && !int.TryParse(text, out _) ? level
        : throw new SettingsException($"configuration: LogLevel='{text}' is not a log level; use Trace, Debug, Information, Warning, Error, Critical or None (set by --log-level, BLINDSPOT_LOG_LEVEL or appsettings.json).");

    /// <summary>The pseudonymizer from <see cref="PseudonymKey"/>, or the sample key when <paramref name="allowSampleKey"/> and none is set.</summary>
    public Pseudonymizer Pseudonymizer(bool allowSampleKey) => Core.Keys.Pseudonymizer.FromKey(PseudonymKey, allowSampleKey);

    /// <summary>Throws <see cref="SettingsException"/> naming the first key whose value cannot be used; secrets' values never appear.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Data))
        {
            throw new SettingsException("configuration: Data must name the data root folder; it is empty.");
        }

        if (Postgres is { Length: > 0 } && !IsConnectionString(Postgres))
        {
            throw new SettingsException("configuration: Postgres is not an Npgsql connection string (Host=…;Username=…;Database=…); the value is a secret and is not shown.");
        }

        if (PseudonymKey is { Length: > 0 } key && Encoding.UTF8.GetByteCount(key) < Core.Keys.Pseudonymizer.MinKeyBytes)
        {
            throw new SettingsException($"configuration: PseudonymKey must be at least {Core.Keys.Pseudonymizer.MinKeyBytes} bytes; it has {Encoding.UTF8.GetByteCount(key)} (the value is a secret and is not shown).");
        }

        _ = ResolvedLogLevel(Microsoft.Extensions.Logging.LogLevel.Information);
        Worker.Validate();
        Serve.Validate();
        Telemetry.Validate();
        Partitioning.Validate();
    }

    /// <summary>Names what is set, never the secrets' values.</summary>
    public override string ToString() =>
        $"Data={Data}; Models={Models ?? "(default)"}; Postgres={(Postgres is { Length: > 0 } ? "(set)" : "(none)")}; PseudonymKey={(PseudonymKey is { Length: > 0 } ? "(set)" : "(none)")}; LogLevel={LogLevel ?? "(default)"}";

    private static bool IsConnectionString(string text)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(text);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
