namespace BlindSpot.Portal.Audit;

/// <summary>The append-only audit log: entries are added, never changed or removed.</summary>
public interface IAuditLog
{
    Task AppendAsync(AuditEntry entry, CancellationToken ct);

    /// <summary>The latest <paramref name="limit"/> entries, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> LatestAsync(int limit, CancellationToken ct);
}
