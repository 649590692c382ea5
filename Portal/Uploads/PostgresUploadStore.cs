using System.Text.Json;
using BlindSpot.Dispatch.Outcomes;
using BlindSpot.Portal.Storage;
using Npgsql;
using NpgsqlTypes;

namespace BlindSpot.Portal.Uploads;

/// <summary>Upload records in PostgreSQL (<c>&lt;schema&gt;.uploads</c>), the per-row verdicts as JSON.</summary>
public sealed class PostgresUploadStore(PortalDatabase database) : IUploadStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SaveAsync(UploadRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var command = await database.CommandAsync(
            $"INSERT INTO {database.Schema}.uploads (id, at, user_name, quarter, sigungu_code, file_name, result) VALUES ($1, $2, $3, $4, $5, $6, $7)", ct).ConfigureAwait(false);
        command.Parameters.Add(new NpgsqlParameter { Value = record.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = record.At.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = record.UserName });
        command.Parameters.Add(new NpgsqlParameter { Value = record.Quarter });
        command.Parameters.Add(new NpgsqlParameter { Value = record.SigunguCode });
        command.Parameters.Add(new NpgsqlParameter { Value = record.FileName });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(record.Rows, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public async Task<UploadRecord?> FindAsync(string id, CancellationToken ct)
    {
        if (!UploadRecord.IsValidId(id))
        {
            return null;
        }

        await using var command = await database.CommandAsync(
            $"SELECT at, user_name, quarter, sigungu_code, file_name, result::text FROM {database.Schema}.uploads WHERE id = $1", ct).ConfigureAwait(false);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            return null;
        }

        return new UploadRecord
        {
            Id = id,
            At = reader.GetFieldValue<DateTimeOffset>(0),
            UserName = reader.GetString(1),
            Quarter = reader.GetString(2),
            SigunguCode = reader.GetString(3),
            FileName = reader.GetString(4),
            Rows = JsonSerializer.Deserialize<List<OutcomeRowResult>>(reader.GetString(5), Json) ?? [],
        };
    }

    public async Task<IReadOnlyList<UploadRecord>> ListAsync(string quarter, string sigunguCode, int limit, CancellationToken ct)
    {
        await using var command = await database.CommandAsync(
            $"SELECT id, at, user_name, file_name, result::text FROM {database.Schema}.uploads WHERE quarter = $1 AND sigungu_code = $2 ORDER BY at DESC LIMIT $3", ct).ConfigureAwait(false);
        command.Parameters.Add(new NpgsqlParameter { Value = quarter });
        command.Parameters.Add(new NpgsqlParameter { Value = sigunguCode });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var records = new List<UploadRecord>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            records.Add(new UploadRecord
            {
                Id = reader.GetString(0),
                At = reader.GetFieldValue<DateTimeOffset>(1),
                UserName = reader.GetString(2),
                Quarter = quarter,
                SigunguCode = sigunguCode,
                FileName = reader.GetString(3),
                Rows = JsonSerializer.Deserialize<List<OutcomeRowResult>>(reader.GetString(4), Json) ?? [],
            });
        }

        return records;
    }
}
