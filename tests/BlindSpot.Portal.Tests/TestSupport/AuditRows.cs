using BlindSpot.Testing;

namespace BlindSpot.Portal.Tests.TestSupport;

/// <summary>Counts rows of the portal's audit table in the test schema.</summary>
internal static class AuditRows
{
    public static Task<long> CountAsync(PostgresTestDatabase database, string action, string? outcome = null, string? user = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var where = $"action = '{action}'" + (outcome is null ? "" : $" AND outcome = '{outcome}'") + (user is null ? "" : $" AND user_name = '{user}'");
        return database.ScalarAsync($"SELECT count(*) FROM {database.Schema}.audit_log WHERE {where}");
    }
}
