using BlindSpot.Core.Catalog;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Worklists;
using Npgsql;
using NpgsqlTypes;

namespace BlindSpot.Dispatch.Postgres;

/// <summary>
/// Worklists in PostgreSQL: the schema is migrated on first use; a quarter is replaced in one transaction (binary COPY
/// into a staging table, delete the quarter's rows, insert from staging), so a failure anywhere leaves the previous
/// dispatch as it was and a rerun never duplicates rows (unique per quarter and person).
/// </summary>
public sealed class PostgresWorklistStore(NpgsqlDataSource dataSource, PostgresOptions options) : IWorklistStore
{
    private static readonly string[] Columns =
    [
        "quarter", "worklist_id", "person_key", "sigungu_code", "sigungu_name", "variant", "risk_band", "sigungu_rank", "national_rank",
        "score", "name", "masked_resident_no", "address", "phone", "reasons", "other_members", "previous_dispatches", "outcome_due", "model_version",
    ];

    private bool migrated;

    public string Describe(Quarter quarter) => $"PostgreSQL {options.Schema}.worklist_entries (quarter {quarter})";

    public string Destination => $"postgres {options.Schema}";

    public async Task ReplaceQuarterAsync(Quarter quarter, IReadOnlyList<WorklistEntry> entries, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var columns = string.Join(", ", Columns);
        await ExecuteAsync(connection, transaction, $"CREATE TEMP TABLE worklist_staging (LIKE {options.Schema}.worklist_entries) ON COMMIT DROP", ct).ConfigureAwait(false);
        await using (var importer = await connection.BeginBinaryImportAsync($"COPY worklist_staging ({columns}) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false))
        {
            importer.Timeout = TimeSpan.FromSeconds(options.CommandTimeoutSeconds);
            foreach (var e in entries)
            {
                await importer.StartRowAsync(ct).ConfigureAwait(false);
                await importer.WriteAsync(e.Quarter, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await importer.WriteAsync(e.WorklistId, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await importer.WriteAsync(e.PersonKey, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
                await importer.WriteAsync(e.SigunguCode, NpgsqlDbType.Char, ct).ConfigureAwait(false);
                await importer.WriteAsync(e.SigunguName, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await importer.WriteAsync(e.Variant.ToCode(), NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await importer.WriteAsync(e.RiskBand, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await importer.WriteAsync(e.SigunguRank, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await importer.WriteAsync(e.NationalRank, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await importer.WriteAsync(e.Score, NpgsqlDbType.Real, ct).ConfigureAwait(false);
                await importer.WriteAsync(e.Name, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await importer.WriteAsync(e.MaskedResidentNumber, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await importer.WriteAsync(e.Address, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await importer.WriteAsync(e.Phone, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await importer.WriteAsync(e.Reasons.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await importer.WriteAsync(e.OtherMembers.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await importer.WriteAsync(e.PreviousDispatches.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await importer.WriteAsync(e.OutcomeDue, NpgsqlDbType.Date, ct).ConfigureAwait(false);
                await importer.WriteAsync(e.ModelVersion, NpgsqlDbType.Text, ct).ConfigureAwait(false);
            }

            // Without Complete the COPY is rolled back when the importer is disposed.
            await importer.CompleteAsync(ct).ConfigureAwait(false);
        }

        await using (var delete = new NpgsqlCommand($"DELETE FROM {options.Schema}.worklist_entries WHERE quarter = $1", connection, transaction) { CommandTimeout = options.CommandTimeoutSeconds })
        {
            delete.Parameters.Add(new NpgsqlParameter { Value = quarter.ToString() });
            await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await using (var insert = new NpgsqlCommand($"INSERT INTO {options.Schema}.worklist_entries ({columns}) SELECT {columns} FROM worklist_staging", connection, transaction) { CommandTimeout = options.CommandTimeoutSeconds })
        {
            await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>One 시군구's entries of a quarter, in worklist order: what an official downloads.</summary>
    public async Task<IReadOnlyList<(string WorklistId, string Variant, int SigunguRank, string Name)>> ReadSigunguAsync(Quarter quarter, string sigunguCode, CancellationToken ct)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand(
            $"SELECT worklist_id, variant, sigungu_rank, name FROM {options.Schema}.worklist_entries WHERE quarter = $1 AND sigungu_code = $2 ORDER BY variant, sigungu_rank");
        command.Parameters.Add(new NpgsqlParameter { Value = quarter.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = sigunguCode });
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var rows = new List<(string, string, int, string)>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3)));
        }

        return rows;
    }

    /// <summary>
    /// One 시군구's full entries of a quarter in worklist order (household, child, lonely death; then rank within the
    /// 시군구), as the file store writes them: what the portal streams as XLSX or CSV when worklists live here.
    /// </summary>
    public async Task<IReadOnlyList<WorklistEntry>> ReadEntriesAsync(Quarter quarter, string sigunguCode, CancellationToken ct)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand(
            $"SELECT {string.Join(", ", Columns)} FROM {options.Schema}.worklist_entries WHERE quarter = $1 AND sigungu_code = $2 " +
            "ORDER BY CASE variant WHEN 'household' THEN 0 WHEN 'child' THEN 1 ELSE 2 END, sigungu_rank, worklist_id");
        command.Parameters.Add(new NpgsqlParameter { Value = quarter.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = sigunguCode });
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var entries = new List<WorklistEntry>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            entries.Add(new WorklistEntry
            {
                Quarter = reader.GetString(0),
                WorklistId = reader.GetString(1),
                PersonKey = reader.GetInt64(2),
                SigunguCode = reader.GetString(3),
                SigunguName = reader.GetString(4),
                Variant = VariantNames.Parse(reader.GetString(5)),
                RiskBand = reader.GetString(6),
                SigunguRank = reader.GetInt32(7),
                NationalRank = reader.GetInt32(8),
                Score = reader.GetFloat(9),
                Name = reader.GetString(10),
                MaskedResidentNumber = reader.GetString(11),
                Address = reader.GetString(12),
                Phone = reader.GetString(13),
                Reasons = reader.GetFieldValue<string[]>(14),
                OtherMembers = reader.GetFieldValue<string[]>(15),
                PreviousDispatches = reader.GetFieldValue<string[]>(16),
                OutcomeDue = reader.GetFieldValue<DateOnly>(17),
                ModelVersion = reader.GetString(18),
            });
        }

        return entries;
    }

    /// <summary>Quarters that have entries for <paramref name="sigunguCode"/>, newest first.</summary>
    public async Task<IReadOnlyList<Quarter>> QuartersAsync(string sigunguCode, CancellationToken ct)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand($"SELECT DISTINCT quarter FROM {options.Schema}.worklist_entries WHERE sigungu_code = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = sigunguCode });
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var quarters = new List<Quarter>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            quarters.Add(Quarter.Parse(reader.GetString(0), System.Globalization.CultureInfo.InvariantCulture));
        }

        return [.. quarters.OrderDescending()];
    }

    /// <summary>Rows stored for a quarter.</summary>
    public async Task<long> CountAsync(Quarter quarter, CancellationToken ct)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var command = dataSource.CreateCommand($"SELECT count(*) FROM {options.Schema}.worklist_entries WHERE quarter = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = quarter.ToString() });
        return (long)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    private async Task EnsureSchemaAsync(CancellationToken ct)
    {
        if (!migrated)
        {
            await SchemaMigrator.MigrateAsync(dataSource, options, ct).ConfigureAwait(false);
            migrated = true;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
