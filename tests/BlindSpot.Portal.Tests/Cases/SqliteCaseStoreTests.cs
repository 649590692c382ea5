using BlindSpot.Portal.Cases;

namespace BlindSpot.Portal.Tests.Cases;

/// <summary>The shared case-store suite on the embedded SQLite store (a fresh file per test).</summary>
public sealed class SqliteCaseStoreTests : CaseStoreContract
{
    private string folder = "";

    protected override Task<ICaseStore> CreateStoreAsync()
    {
        folder = Directory.CreateTempSubdirectory("blindspot-cases-").FullName;
        return Task.FromResult<ICaseStore>(new SqliteCaseStore(Path.Combine(folder, "portal", "cases.db")));
    }

    protected override Task DropStoreAsync()
    {
        // Pooled connections keep the file open; clear them so the folder can go.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    [Test]
    public async Task TheFile_IsOwnerOnly()
    {
        var store = await CreateStoreAsync();
        await store.AddAsync([Some.Case("11110", 1)], "system", DateTimeOffset.UnixEpoch, CancellationToken.None);

        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix file modes only.");
            return;
        }

        var mode = File.GetUnixFileMode(((SqliteCaseStore)store).Path);

        Assert.That(mode & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite), Is.EqualTo(UnixFileMode.None));
    }
}
