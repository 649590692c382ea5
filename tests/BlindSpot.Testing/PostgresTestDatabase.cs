using Npgsql;
using NUnit.Framework;

namespace BlindSpot.Testing;

/// <summary>
/// A schema of its own on the real PostgreSQL server that <c>.ci/run</c> starts (connection string from
/// <c>BLINDSPOT_TEST_POSTGRES</c>, else the CI default), dropped on dispose. Without a server the test is ignored on a
/// developer machine and fails under CI, so a missing server can never pass silently.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    public const string Variable = "BLINDSPOT_TEST_POSTGRES";
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=5432;Username=blindspot;Password=blindspot;Database=blindspot_test;Timeout=5";

    private PostgresTestDatabase(NpgsqlDataSource dataSource, string connectionString, string schema)
    {
        DataSource = dataSource;
        ConnectionString = connectionString;
        Schema = schema;
    }

    public NpgsqlDataSource DataSource { get; }

    public string ConnectionString { get; }

    /// <summary>A fresh lower-case schema name, unique to this instance.</summary>
    public string Schema { get; }

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured ? configured : DefaultConnectionString;
        var dataSource = NpgsqlDataSource.Create(connectionString);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            await dataSource.DisposeAsync();
            var message = $"No PostgreSQL at '{new NpgsqlConnectionStringBuilder(connectionString) { Password = null }}': {ex.Message}. Run 'bash .ci/services.sh' or set {Variable}.";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(message);
            }

            Assert.Ignore(message);
        }

        return new PostgresTestDatabase(dataSource, connectionString, $"test_{Guid.NewGuid():N}");
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await using (var command = DataSource.CreateCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE"))
        {
            await command.ExecuteNonQueryAsync();
        }

        await DataSource.DisposeAsync();
    }
}
