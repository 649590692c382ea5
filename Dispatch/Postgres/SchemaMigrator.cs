using Npgsql;

namespace BlindSpot.Dispatch.Postgres;

/// <summary>Dispatch's embedded <c>Postgres/Migrations/NNN_*.sql</c>, applied by <see cref="EmbeddedMigrations"/>.</summary>
public static class SchemaMigrator
{
    private static readonly EmbeddedMigrations Migrations = new(typeof(SchemaMigrator).Assembly, "BlindSpot.Dispatch.Migrations.", "blindspot-migrate");

    /// <summary>The migrations in the build, in order: (version, name, SQL).</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Embedded => Migrations.All;

    /// <summary>Applies what is missing; returns the versions applied now.</summary>
    public static Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, PostgresOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return Migrations.MigrateAsync(dataSource, options.Schema, ct);
    }
}
