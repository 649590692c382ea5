namespace BlindSpot.Dispatch.Postgres;

/// <summary>Where the PostgreSQL store keeps its tables.</summary>
public sealed class PostgresOptions
{
    /// <summary>Npgsql connection string, e.g. <c>Host=127.0.0.1;Username=blindspot;Password=…;Database=blindspot</c>.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>Schema of BlindSpot's tables. Default <c>blindspot</c>; lower-case letters, digits and underscores.</summary>
    public string Schema { get; init; } = "blindspot";

    /// <summary>Seconds a long statement (bulk load, replace) may run. Default 600; Npgsql's own default of 30 is too short at 150,000 rows.</summary>
    public int CommandTimeoutSeconds { get; init; } = 600;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException("Invalid PostgreSQL options: a connection string is required.");
        }

        if (!System.Text.RegularExpressions.Regex.IsMatch(Schema, "^[a-z_][a-z0-9_]{0,62}$"))
        {
            throw new ArgumentException($"Invalid PostgreSQL options: schema '{Schema}' must be lower-case letters, digits and underscores.");
        }
    }
}
