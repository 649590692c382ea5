namespace BlindSpot.Portal.Accounts;

/// <summary>Where accounts live: PostgreSQL, or the embedded accounts file.</summary>
public interface IAccountStore
{
    /// <summary>The account, or null when there is none by that name.</summary>
    Task<Account?> FindAsync(string userName, CancellationToken ct);

    /// <summary>Every account, by name.</summary>
    Task<IReadOnlyList<Account>> ListAsync(CancellationToken ct);

    /// <summary>Adds a new account; throws <see cref="InvalidOperationException"/> when the name is taken.</summary>
    Task AddAsync(Account account, CancellationToken ct);

    /// <summary>Replaces the stored account of the same name; throws <see cref="KeyNotFoundException"/> when there is none.</summary>
    Task UpdateAsync(Account account, CancellationToken ct);
}
