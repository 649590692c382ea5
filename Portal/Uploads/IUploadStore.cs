namespace BlindSpot.Portal.Uploads;

/// <summary>Where upload records are kept: PostgreSQL, or one JSON file each under <c>&lt;DataRoot&gt;/portal/uploads/</c>.</summary>
public interface IUploadStore
{
    Task SaveAsync(UploadRecord record, CancellationToken ct);

    /// <summary>The record, or null when the id is malformed or unknown.</summary>
    Task<UploadRecord?> FindAsync(string id, CancellationToken ct);

    /// <summary>The latest <paramref name="limit"/> uploads for one quarter and 시군구, newest first.</summary>
    Task<IReadOnlyList<UploadRecord>> ListAsync(string quarter, string sigunguCode, int limit, CancellationToken ct);
}
