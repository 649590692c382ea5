using Npgsql;

namespace BlindSpot.Portal.Storage;

/// <summary>
/// Applies the embedded <c>Storage/Migrations/NNN_*.sql</c> files a database has not seen, in order, each in its own
/// transaction, recorded in <c>&lt;schema&gt;.schema_migrations</c>; an advisory lock keeps two processes from migrating at once.
/// The portal keeps its own schema so its versions never collide with Dispatch's.
/// </summary>
public static class PortalSchemaMigrator
{
    private const string Prefix = "BlindSpot.Portal.Migrations.";

    /// <summary>The migrations in the build, in order: (version, name, SQL).</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Embedded { get; } = Load();

    /// <summary>Applies what is missing; returns the versions applied now.</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, string schema, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock(hashtext('blindspot-portal-migrate-{schema}'))", ct).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection, null, $"CREATE SCHEMA IF NOT EXISTS {schema}; CREATE TABLE IF NOT EXISTS {schema}.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())", ct).ConfigureAwait(false);
            var applied = new HashSet<int>();
            await using (var command = new NpgsqlCommand($"SELECT version FROM {schema}.schema_migrations", connection))
            await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    applied.Add(reader.GetInt32(0));
                }
            }

            var now = new List<int>();
            foreach (var (version, name, sql) in Embedded.Where(m => !applied.Contains(m.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction, $"SET LOCAL search_path TO {schema}; {sql}", ct).ConfigureAwait(false);
                await using (var record = new NpgsqlCommand($"INSERT INTO {schema}.schema_migrations (version, name) VALUES ($1, $2)", connection, transaction))
                {
                    record.Parameters.Add(new NpgsqlParameter { Value = version });
                    record.Parameters.Add(new NpgsqlParameter { Value = name });
                    await record.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                await transaction.CommitAsync(ct).ConfigureAwait(false);
                now.Add(version);
            }

            return now;
        }
        finally
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock(hashtext('blindspot-portal-migrate-{schema}'))", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static List<(int, string, string)> Load()
    {
        var assembly = typeof(PortalSchemaMigrator).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                var file = n[Prefix.Length..];
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return (int.Parse(file[..3], System.Globalization.CultureInfo.InvariantCulture), file, reader.ReadToEnd());
            })];
    }
}
