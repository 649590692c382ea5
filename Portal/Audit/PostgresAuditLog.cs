using BlindSpot.Portal.Storage;
using Npgsql;
using NpgsqlTypes;

namespace BlindSpot.Portal.Audit;

/// <summary>The audit log in PostgreSQL: <c>&lt;schema&gt;.audit_log</c>, whose triggers refuse UPDATE, DELETE and TRUNCATE.</summary>
public sealed class PostgresAuditLog(PortalDatabase database) : IAuditLog
{
    public async Task AppendAsync(AuditEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var command = await database.CommandAsync(
            $"INSERT INTO {database.Schema}.audit_log (at, user_name, role, sigungu_code, action, target, rows, client, outcome) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", ct).ConfigureAwait(false);
        command.Parameters.Add(new NpgsqlParameter { Value = entry.At.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.UserName });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.Role });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.SigunguCode ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.Action });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.Target });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entry.Rows ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.Client });
        command.Parameters.Add(new NpgsqlParameter { Value = entry.Outcome });
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AuditEntry>> LatestAsync(int limit, CancellationToken ct)
    {
        await using var command = await database.CommandAsync(
            $"SELECT at, user_name, role, sigungu_code, action, target, rows, client, outcome FROM {database.Schema}.audit_log ORDER BY id DESC LIMIT $1", ct).ConfigureAwait(false);
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            entries.Add(new AuditEntry
            {
                At = reader.GetFieldValue<DateTimeOffset>(0),
                UserName = reader.GetString(1),
                Role = reader.GetString(2),
                SigunguCode = reader.IsDBNull(3) ? null : reader.GetString(3),
                Action = reader.GetString(4),
                Target = reader.GetString(5),
                Rows = reader.IsDBNull(6) ? null : reader.GetInt32(6),
                Client = reader.GetString(7),
                Outcome = reader.GetString(8),
            });
        }

        return entries;
    }
}
