namespace BlindSpot.Portal.Reports;

/// <summary>API keys, by name and by the SHA-256 of the key (<see cref="ApiKeys"/>); in the case store's database.</summary>
public interface IApiKeyStore
{
    /// <summary>Stores a new key's hash; false when the name is taken.</summary>
    Task<bool> AddApiKeyAsync(string name, string keyHash, string createdBy, DateTimeOffset at, CancellationToken ct);

    /// <summary>The key whose hash this is, revoked or not; null when none.</summary>
    Task<ApiKey?> FindApiKeyAsync(string keyHash, CancellationToken ct);

    /// <summary>Revokes the key; false when there is no such key or it was already revoked.</summary>
    Task<bool> RevokeApiKeyAsync(string name, DateTimeOffset at, CancellationToken ct);

    Task<IReadOnlyList<ApiKey>> ListApiKeysAsync(CancellationToken ct);
}
