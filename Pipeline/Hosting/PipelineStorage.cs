using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace BlindSpot.Pipeline.Hosting;

/// <summary>The job storage the options ask for: Hangfire.PostgreSql with a connection string, else Hangfire.InMemory.</summary>
internal static class PipelineStorage
{
    public static JobStorage Create(PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.PostgresConnectionString is not { Length: > 0 } connection)
        {
            return new InMemoryStorage(new InMemoryStorageOptions());
        }

        var postgres = new PostgreSqlStorageOptions
        {
            SchemaName = options.PostgresSchema,
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = options.PollInterval,
            // Sliding: a live worker keeps its job invisible, so a long stage is never fetched a second time while it runs.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = options.InvisibilityTimeout,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connection, postgres), postgres);
    }
}
