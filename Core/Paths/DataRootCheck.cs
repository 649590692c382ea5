using System.Globalization;

namespace BlindSpot.Core.Paths;

/// <summary>
/// Checks that a data root can be used before anything is written to it, and recognises the storage faults (read-only,
/// permission, full disk) that no retry can cure, so they fail in seconds with the path and the free space instead of
/// being retried as if they were a network hiccup.
/// </summary>
public static class DataRootCheck
{
    // Linux errno values .NET puts in IOException.HResult for errors it has no exception type of its own for.
    private const int ReadOnlyFileSystem = 30;
    private const int NoSpace = 28;
    private const int QuotaExceeded = 122;

    /// <summary>Throws <see cref="DataRootException"/> when <paramref name="root"/> is not an existing folder; creates nothing.</summary>
    public static void RequireExisting(DataRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (File.Exists(root.Path))
        {
            throw new DataRootException($"The data root {root.Path} is a file, not a folder; pass the folder that holds raw/ with --data.");
        }

        if (!Directory.Exists(root.Path))
        {
            throw new DataRootException($"The data root {root.Path} does not exist; nothing was created. Pass the folder that holds raw/ with --data (for the quick start's working copy of the sample: --data data/sample).");
        }
    }

    /// <summary>
    /// <paramref name="error"/> as a <see cref="DataRootException"/> naming <paramref name="root"/> and its free space when
    /// it is a storage fault (read-only, no permission, disk or quota full); null for anything else.
    /// </summary>
    public static DataRootException? AsStorageFault(Exception error, DataRoot root)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(root);
        var fault = error switch
        {
            UnauthorizedAccessException => "permission denied",
            IOException { HResult: ReadOnlyFileSystem } => "read-only file system",
            IOException { HResult: NoSpace or QuotaExceeded } => "no space left",
            _ => null,
        };
        return fault is null
            ? null
            : new DataRootException($"Cannot write under the data root {root.Path}: {fault} ({error.Message.TrimEnd('.')}); {FreeSpace(root.Path)}. Make it writable or free space, then run again.", error);
    }

    /// <summary>"12.3 GB free of 250.0 GB on that file system" (MB below a gigabyte), or why it is unknown.</summary>
    public static string FreeSpace(string path)
    {
        try
        {
            var drive = new DriveInfo(Path.GetFullPath(path));
            return $"{Size(drive.AvailableFreeSpace)} free of {Size(drive.TotalSize)} on that file system";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return "free space unknown";
        }
    }

    private static string Size(long bytes) => bytes >= 1_000_000_000
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:0.0} GB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.0} MB");
}
