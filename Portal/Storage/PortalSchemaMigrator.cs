using BlindSpot.Dispatch.Postgres;
using Npgsql;

namespace BlindSpot.Portal.Storage;

/// <summary>
/// The portal's embedded <c>Storage/Migrations/NNN_*.sql</c>, applied by Dispatch's <see cref="EmbeddedMigrations"/>.
/// The portal keeps its own schema so its versions never collide with Dispatch's.
/// </summary>
public static class PortalSchemaMigrator
{
    private static readonly EmbeddedMigrations Migrations = new(typeof(PortalSchemaMigrator).Assembly, "BlindSpot.Portal.Migrations.", "blindspot-portal-migrate");

    /// <summary>The migrations in the build, in order: (version, name, SQL).</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Embedded => Migrations.All;

    /// <summary>Applies what is missing; returns the versions applied now.</summary>
    public static Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, string schema, CancellationToken ct) =>
        Migrations.MigrateAsync(dataSource, schema, ct);
}
