using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace BlindSpot.Pipeline.Health;

/// <summary>PostgreSQL answers <c>SELECT 1</c> within 5 s; healthy without asking when no PostgreSQL is configured.</summary>
internal sealed class PostgresHealthCheck(ReadinessTargets targets) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (targets.Postgres is null)
        {
            return HealthCheckResult.Healthy("not configured");
        }

        try
        {
            // Its own short timeouts: a probe must answer before the orchestrator gives up on it, not after 15 s of connecting.
            var builder = new NpgsqlConnectionStringBuilder(targets.Postgres) { Timeout = 5, CommandTimeout = 5, Pooling = false };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException or ArgumentException or System.Net.Sockets.SocketException)
        {
            // The exception's type only: Npgsql's messages can carry the host and user of the connection string.
            return HealthCheckResult.Unhealthy($"PostgreSQL unreachable ({ex.GetType().Name})");
        }
    }
}
