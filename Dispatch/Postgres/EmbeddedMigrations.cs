using System.Globalization;
using System.Reflection;
using Npgsql;

namespace BlindSpot.Dispatch.Postgres;

/// <summary>
/// Versioned SQL migrations embedded in an assembly as <c>&lt;prefix&gt;NNN_name.sql</c>: applies the ones a schema has not
/// seen, in order, each in its own transaction, recorded in <c>&lt;schema&gt;.schema_migrations</c>. An advisory lock named
/// <c>&lt;lockName&gt;-&lt;schema&gt;</c> keeps two processes from migrating the same schema at once. Dispatch and the
/// portal each own a set (their own schemas, so versions never collide).
/// </summary>
public sealed class EmbeddedMigrations
{
    private readonly string lockName;

    public EmbeddedMigrations(Assembly assembly, string prefix, string lockName)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        ArgumentException.ThrowIfNullOrWhiteSpace(lockName);
        this.lockName = lockName;
        All = Load(assembly, prefix);
    }

    /// <summary>The migrations in the build, in order: (version, name, SQL).</summary>
    public IReadOnlyList<(int Version, string Name, string Sql)> All { get; }

    /// <summary>Applies what is missing to <paramref name="schema"/> (a validated identifier); returns the versions applied now.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, string schema, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock(hashtext('{lockName}-{schema}'))", ct).ConfigureAwait(false);
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
            foreach (var (version, name, sql) in All.Where(m => !applied.Contains(m.Version)))
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
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock(hashtext('{lockName}-{schema}'))", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static List<(int, string, string)> Load(Assembly assembly, string prefix) =>
    [
        .. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                var file = n[prefix.Length..];
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return (int.Parse(file[..3], CultureInfo.InvariantCulture), file, reader.ReadToEnd());
            }),
    ];
}
