using Npgsql;

namespace BlindSpot.Portal.Storage;

/// <summary>
/// The portal's PostgreSQL: one data source and the schema of its tables, migrated once on first use
/// (<see cref="PortalSchemaMigrator"/>), so every store can assume the tables are there.
/// </summary>
public sealed class PortalDatabase(NpgsqlDataSource dataSource, string schema) : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private bool migrated;

    public string Schema { get; } = schema;

    /// <summary>A command of the data source (it opens and closes its own connection), the schema migrated first.</summary>
    public async Task<NpgsqlCommand> CommandAsync(string sql, CancellationToken ct)
    {
        await MigrateAsync(ct).ConfigureAwait(false);
        return dataSource.CreateCommand(sql);
    }

    /// <summary>An open connection of the data source (the caller disposes it), the schema migrated first.</summary>
    public async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken ct)
    {
        await MigrateAsync(ct).ConfigureAwait(false);
        return await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Applies the migrations this database has not seen (once per process).</summary>
    public async Task MigrateAsync(CancellationToken ct)
    {
        if (migrated)
        {
            return;
        }

        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (!migrated)
            {
                await PortalSchemaMigrator.MigrateAsync(dataSource, Schema, ct).ConfigureAwait(false);
                migrated = true;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
