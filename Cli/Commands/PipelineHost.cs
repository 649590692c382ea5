using System.CommandLine;
using BlindSpot.Core.Paths;
using BlindSpot.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BlindSpot.Cli.Commands;

/// <summary>Options the pipeline verbs share, and the container they build from them.</summary>
internal static class PipelineHost
{
    public const string PostgresVariable = "BLINDSPOT_POSTGRES";

    public static Option<string?> Postgres() => new("--postgres")
    {
        Description = $"Hangfire job storage in PostgreSQL (Npgsql connection string); also read from env {PostgresVariable}. Default: in-memory, in this process.",
    };

    /// <summary><c>--postgres-schema</c>: where the Hangfire tables live, so several deployments (or tests) can share a database.</summary>
    public static Option<string> Schema() => new("--postgres-schema")
    {
        Description = "Schema of the Hangfire tables in PostgreSQL (installed on first use).",
        DefaultValueFactory = _ => new PipelineOptions().PostgresSchema,
    };

    /// <summary><c>--worklist-schema</c>: where the dispatch stage puts <c>worklist_entries</c> when PostgreSQL is given.</summary>
    public static Option<string> WorklistSchema() => new("--worklist-schema")
    {
        Description = "Schema of the worklist table the dispatch stage also fills when PostgreSQL is given (migrated on first use).",
        DefaultValueFactory = _ => new PipelineOptions().WorklistSchema,
    };

    /// <summary>The connection string from the option, else the environment, else null (in-memory storage).</summary>
    public static string? ResolvePostgres(string? option) =>
        option is { Length: > 0 } ? option : Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } env ? env : null;

    /// <summary>The pipeline's container with the console logger at <paramref name="logLevel"/>, Hangfire logging through it.</summary>
    public static ServiceProvider Build(DataRoot root, string models, string? postgres, LogLevel logLevel, Action<PipelineOptions>? configure = null)
    {
        var services = new ServiceCollection()
            .AddLogging(builder => CliLogging.Configure(builder, logLevel))
            .AddSingleton<HangfireLogBinding>()
            .AddPipeline(options =>
            {
                options.DataRoot = root.Path;
                options.ModelsFolder = models;
                options.PostgresConnectionString = postgres;
                configure?.Invoke(options);
            })
            .BuildServiceProvider();
        services.GetRequiredService<HangfireLogBinding>();
        return services;
    }
}
