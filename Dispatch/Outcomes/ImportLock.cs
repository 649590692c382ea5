using BlindSpot.Core.Files;

namespace BlindSpot.Dispatch.Outcomes;

/// <summary>
/// An exclusive open of a lock file under <c>outcomes/&lt;Q&gt;/imports/</c>, which the operating system releases when the
/// holder exits, even by a crash. Two kinds (<see cref="OutcomeImporter"/>): one per 시군구 (<c>locks/&lt;sigungu&gt;.lock</c>),
/// held for a whole import so one 시군구's uploads see each other's answers, and the quarter's <c>import.lock</c>, held only
/// while an import commits (id, report, history, labels). Waiting for another import is lock contention, the one thing
/// here worth retrying.
/// </summary>
internal sealed class ImportLock : IDisposable
{
    /// <summary>The quarter-wide commit lock's file name.</summary>
    public const string CommitFile = "import.lock";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);   // a large central import takes seconds
    private readonly FileStream stream;

    private ImportLock(FileStream stream) => this.stream = stream;

    /// <summary>Holds <paramref name="folder"/>/<paramref name="name"/>, waiting up to two minutes for another holder.</summary>
    public static async Task<ImportLock> AcquireAsync(string folder, string name, CancellationToken ct)
    {
        PrivateFiles.CreateFolder(folder);
        var path = Path.Combine(folder, name);
        var waited = TimeSpan.Zero;
        while (true)
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
            catch (IOException) when (waited < Patience && File.Exists(path))
            {
                await Task.Delay(Poll, ct).ConfigureAwait(false);
                waited += Poll;
            }
            catch (IOException ex) when (File.Exists(path))
            {
                throw new IOException($"{path}: another import of this quarter has held the lock for two minutes; try again when it has finished.", ex);
            }
        }
    }

    /// <summary>Holds every lock of <paramref name="names"/> in ordinal order (the one order every importer takes them in, so none deadlocks).</summary>
    public static async Task<IReadOnlyList<ImportLock>> AcquireAllAsync(string folder, IEnumerable<string> names, CancellationToken ct)
    {
        var held = new List<ImportLock>();
        try
        {
            foreach (var name in names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                held.Add(await AcquireAsync(folder, name, ct).ConfigureAwait(false));
            }

            return held;
        }
        catch
        {
            held.ForEach(l => l.Dispose());
            throw;
        }
    }

    public void Dispose() => stream.Dispose();
}
