namespace BlindSpot.Pipeline.Health;

/// <summary>
/// What a host needs before it can do its work, as the readiness checks see it: the data root it writes, the models folder
/// it scores with, and PostgreSQL when it is configured (null: not used, so not checked). Immutable.
/// </summary>
public sealed record ReadinessTargets(string DataRoot, string ModelsFolder, string? Postgres)
{
    /// <summary>Names the folders and whether PostgreSQL is configured; the connection string is a secret and never shown.</summary>
    public override string ToString() => $"DataRoot={DataRoot}; ModelsFolder={ModelsFolder}; Postgres={(Postgres is null ? "(none)" : "(set)")}";
}
