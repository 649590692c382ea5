using BlindSpot.Portal.Storage;
using Npgsql;

namespace BlindSpot.Portal.Accounts;

/// <summary>Accounts in PostgreSQL (<c>&lt;schema&gt;.accounts</c>), schema created by the portal's versioned migrations.</summary>
public sealed class PostgresAccountStore(PortalDatabase database) : IAccountStore
{
    private const string Columns = "user_name, role, sigungu_code, password_hash, disabled, security_stamp, eupmyeondong_code";

    public async Task<Account?> FindAsync(string userName, CancellationToken ct)
    {
        var rows = await QueryAsync($"WHERE user_name = $1", userName, ct).ConfigureAwait(false);
        return rows.FirstOrDefault();
    }

    public async Task<IReadOnlyList<Account>> ListAsync(CancellationToken ct) => await QueryAsync("", null, ct).ConfigureAwait(false);

    public async Task AddAsync(Account account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        try
        {
            await WriteAsync($"INSERT INTO {database.Schema}.accounts ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7)", account, ct).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new InvalidOperationException($"An account named '{account.UserName}' exists already; use 'blindspot users reset' to change its password.", ex);
        }
    }

    public async Task UpdateAsync(Account account, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        var changed = await WriteAsync(
            $"UPDATE {database.Schema}.accounts SET role = $2, sigungu_code = $3, password_hash = $4, disabled = $5, security_stamp = $6, eupmyeondong_code = $7 WHERE user_name = $1",
            account, ct).ConfigureAwait(false);
        if (changed == 0)
        {
            throw new KeyNotFoundException($"No account named '{account.UserName}'.");
        }
    }

    private async Task<int> WriteAsync(string sql, Account a, CancellationToken ct)
    {
        await using var command = await database.CommandAsync(sql, ct).ConfigureAwait(false);
        command.Parameters.Add(new NpgsqlParameter { Value = a.UserName });
        command.Parameters.Add(new NpgsqlParameter { Value = a.Role });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)a.SigunguCode ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = a.PasswordHash });
        command.Parameters.Add(new NpgsqlParameter { Value = a.Disabled });
        command.Parameters.Add(new NpgsqlParameter { Value = a.SecurityStamp });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)a.EupmyeondongCode ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private async Task<List<Account>> QueryAsync(string where, string? userName, CancellationToken ct)
    {
        await using var command = await database.CommandAsync($"SELECT {Columns} FROM {database.Schema}.accounts {where} ORDER BY user_name", ct).ConfigureAwait(false);
        if (userName is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = userName });
        }

        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var accounts = new List<Account>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            accounts.Add(new Account
            {
                UserName = reader.GetString(0),
                Role = reader.GetString(1),
                SigunguCode = reader.IsDBNull(2) ? null : reader.GetString(2),
                PasswordHash = reader.GetString(3),
                Disabled = reader.GetBoolean(4),
                SecurityStamp = reader.GetString(5),
                EupmyeondongCode = reader.IsDBNull(6) ? null : reader.GetString(6),
            });
        }

        return accounts;
    }
}
