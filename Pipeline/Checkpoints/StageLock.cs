using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Pipeline.Checkpoints;

/// <summary>
/// Holds <c>runs/&lt;Q&gt;/&lt;stage&gt;.lock</c> exclusively while a stage runs, so a stage of a quarter never runs twice
/// at once — whether a job was fetched twice or started again by hand — on any machine sharing the data root. The OS
/// releases it when the process dies, so a crash leaves no stale lock. The file itself stays; only the open handle counts.
/// </summary>
internal sealed class StageLock : IDisposable
{
    private readonly FileStream handle;

    private StageLock(FileStream handle) => this.handle = handle;

    /// <summary>Takes the lock or throws <see cref="StageLockedException"/> (an <see cref="IOException"/>, so the job retries later).</summary>
    public static StageLock Acquire(DataRoot root, Quarter quarter, string stage)
    {
        ArgumentNullException.ThrowIfNull(root);
        var path = Path.Combine(Path.GetDirectoryName(root.RunManifest(quarter))!, stage + ".lock");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return new StageLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex) when (DataRootCheck.AsStorageFault(ex, root) is null)
        {
            throw new StageLockedException($"{stage} {quarter} is already running elsewhere ({path} is held); this attempt stops and is retried later.", ex);
        }
    }

    public void Dispose() => handle.Dispose();
}
