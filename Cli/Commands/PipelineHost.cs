using System.CommandLine;
using BlindSpot.Cli.Configuration;
using BlindSpot.Cli.Hosting;
using BlindSpot.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace BlindSpot.Cli.Commands;

/// <summary>Options the pipeline verbs share, and the container they build from the configuration.</summary>
internal static class PipelineHost
{
    /// <summary>The environment variable of the <c>Postgres</c> key, named in messages.</summary>
    public const string PostgresVariable = "BLINDSPOT_POSTGRES";

    public static Option<string?> Postgres() => new Option<string?>("--postgres")
    {
        Description = $"Hangfire job storage in PostgreSQL (Npgsql connection string); configuration key Postgres, env {PostgresVariable}. Default: in-memory, in this process.",
    }.Configures("Postgres");

    /// <summary><c>--postgres-schema</c>: where the Hangfire tables live, so several deployments (or tests) can share a database.</summary>
    public static Option<string> Schema() => new Option<string>("--postgres-schema")
    {
        Description = "Schema of the Hangfire tables in PostgreSQL (installed on first use); configuration key Pipeline:PostgresSchema.",
        DefaultValueFactory = _ => new PipelineOptions().PostgresSchema,
    }.Configures("Pipeline:PostgresSchema");

    /// <summary><c>--worklist-schema</c>: where the dispatch stage puts <c>worklist_entries</c> when PostgreSQL is given.</summary>
    public static Option<string> WorklistSchema() => new Option<string>("--worklist-schema")
    {
        Description = "Schema of the worklist table the dispatch stage also fills when PostgreSQL is given (migrated on first use); configuration key Pipeline:WorklistSchema.",
        DefaultValueFactory = _ => new PipelineOptions().WorklistSchema,
    }.Configures("Pipeline:WorklistSchema");

    /// <summary>
    /// The pipeline's container from the settings: the console logger at the configured level (else
    /// <paramref name="defaultLevel"/>), Hangfire logging through it, the configured pseudonym key, and the pipeline options
    /// of section <c>Pipeline</c> with <paramref name="configure"/> (the verb's own choices) applied last.
    /// </summary>
    public static ServiceProvider Build(CliSettings settings, LogLevel defaultLevel, Action<PipelineOptions>? configure = null) =>
        Services(settings, defaultLevel, configure).BuildServiceProvider().WithHangfireLogging().WithTelemetry();

    /// <summary>The registrations of <see cref="Build"/>, for a host that builds its own provider.</summary>
    public static IServiceCollection Services(CliSettings settings, LogLevel defaultLevel, Action<PipelineOptions>? configure = null, IServiceCollection? services = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = settings.Pipeline(configure);
        var level = settings.Root.ResolvedLogLevel(defaultLevel);
        return (services ?? new ServiceCollection())
            .AddLogging(builder => CliLogging.Configure(builder, level))
            .AddSingleton<HangfireLogBinding>()
            .AddSingleton(settings.Root.Pseudonymizer(options.AllowSamplePseudonymKey))
            .AddBlindSpotTelemetry(settings.Root.Telemetry, "blindspot-pipeline")
            .AddPipeline(options);
    }

    // Without a host nothing starts the providers; resolving them does (and disposing the container flushes them).
    private static ServiceProvider WithTelemetry(this ServiceProvider services)
    {
        services.GetService<TracerProvider>();
        services.GetService<MeterProvider>();
        return services;
    }

    private static ServiceProvider WithHangfireLogging(this ServiceProvider services)
    {
        services.GetRequiredService<HangfireLogBinding>();
        return services;
    }
}
