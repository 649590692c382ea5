using System.Text.Json;
using BlindSpot.Core.Files;

namespace BlindSpot.Portal.Accounts;

/// <summary>
/// The embedded-mode account store: one JSON file (<c>&lt;DataRoot&gt;/portal/accounts.json</c>) holding hashes, never
/// passwords. Every change rewrites it through a temporary file and a rename, under a lock, so a crash never leaves half a file; the file is readable by its owner only.
/// </summary>
public sealed class FileAccountStore(string path) : IAccountStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly SemaphoreSlim gate = new(1, 1);

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public async Task<Account?> FindAsync(string userName, CancellationToken ct) =>
        (await ListAsync(ct).ConfigureAwait(false)).FirstOrDefault(a => a.UserName == userName);

    public async Task<IReadOnlyList<Account>> ListAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return Read();
        }
        finally
        {
            gate.Release();
        }
    }

    public Task AddAsync(Account account, CancellationToken ct) => ChangeAsync(accounts =>
    {
        if (accounts.Any(a => a.UserName == account.UserName))
        {
            throw new InvalidOperationException($"An account named '{account.UserName}' exists already; use 'blindspot users reset' to change its password.");
        }

        accounts.Add(account);
    }, ct);

    public Task UpdateAsync(Account account, CancellationToken ct) => ChangeAsync(accounts =>
    {
        var index = accounts.FindIndex(a => a.UserName == account.UserName);
        if (index < 0)
        {
            throw new KeyNotFoundException($"No account named '{account.UserName}'.");
        }

        accounts[index] = account;
    }, ct);

    private async Task ChangeAsync(Action<List<Account>> change, CancellationToken ct)
    {
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var accounts = Read();
            change(accounts);
            var temporary = Path + ".tmp";
            // Owner-only (0600 in a 0700 folder), and the rename keeps the mode.
            await using (var stream = PrivateFiles.Create(temporary))
            {
                await stream.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(accounts.OrderBy(a => a.UserName, StringComparer.Ordinal), Json), ct).ConfigureAwait(false);
            }

            File.Move(temporary, Path, overwrite: true);
        }
        finally
        {
            gate.Release();
        }
    }

    private List<Account> Read() => File.Exists(Path)
        ? JsonSerializer.Deserialize<List<Account>>(File.ReadAllBytes(Path), Json) ?? throw new InvalidDataException($"{Path}: the accounts file is empty.")
        : [];
}
