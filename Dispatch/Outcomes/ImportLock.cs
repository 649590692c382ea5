using BlindSpot.Core.Files;

namespace BlindSpot.Dispatch.Outcomes;

/// <summary>
/// Serialises the imports of one quarter across processes (the CLI, the portal, two officers at once): an exclusive
/// open of <c>outcomes/&lt;Q&gt;/imports/import.lock</c>, which the operating system releases when the holder exits, even
/// by a crash. Waiting for another import is lock contention, the one thing here worth retrying.
/// </summary>
internal sealed class ImportLock : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private const int Attempts = 2_400;   // two minutes of 50 ms: a large central import takes seconds
    private readonly FileStream stream;

    private ImportLock(FileStream stream) => this.stream = stream;

    public static async Task<ImportLock> AcquireAsync(string folder, CancellationToken ct)
    {
        PrivateFiles.CreateFolder(folder);
        var path = Path.Combine(folder, "import.lock");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = PrivateFiles.OwnerOnlyFile;
                }

                return new ImportLock(new FileStream(path, options));
            }
            catch (IOException) when (attempt < Attempts && File.Exists(path))
            {
                await Task.Delay(Poll, ct).ConfigureAwait(false);
            }
            catch (IOException ex) when (File.Exists(path))
            {
                throw new IOException($"{path}: another import of this quarter has held the lock for two minutes; try again when it has finished.", ex);
            }
        }
    }

    public void Dispose() => stream.Dispose();
}
