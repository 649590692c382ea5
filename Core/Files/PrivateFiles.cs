namespace BlindSpot.Core.Files;

/// <summary>
/// Files that hold personal data (quarantine lines, worklists, kept uploads, outcome history, the identity vault, audit
/// logs, portal accounts) are created owner-only: 0600 in 0700 folders, so another account on the machine cannot read
/// them. On Windows, where Unix modes do not exist, the folder's inherited ACL applies.
/// </summary>
public static class PrivateFiles
{
    /// <summary>rw------- for files.</summary>
    public const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>rwx------ for folders.</summary>
    public const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// Creates <paramref name="path"/> and any missing parents as 0700 folders, and narrows the last folder to 0700 if it
    /// already existed with a wider mode. Parents that already exist keep their mode.
    /// </summary>
    public static DirectoryInfo CreateFolder(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (OperatingSystem.IsWindows())
        {
            return Directory.CreateDirectory(path);
        }

        var info = Directory.CreateDirectory(path, OwnerOnlyFolder);
        if ((info.UnixFileMode & ~OwnerOnlyFolder) != 0)
        {
            info.UnixFileMode = OwnerOnlyFolder;
        }

        return info;
    }

    /// <summary>
    /// Opens <paramref name="path"/> for writing (created or truncated) as a 0600 file in a 0700 folder. An existing file's
    /// mode is narrowed to 0600 too, since the creation mode applies only to new files.
    /// </summary>
    public static FileStream Create(string path, int bufferSize = 1 << 16, System.IO.FileMode mode = System.IO.FileMode.Create)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            CreateFolder(folder);
        }

        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.Read, BufferSize = bufferSize };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        var stream = new FileStream(path, options);
        Restrict(path);
        return stream;
    }

    /// <summary>Writes all bytes to <paramref name="path"/> as a 0600 file.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        using var stream = Create(path);
        stream.Write(bytes);
    }

    /// <summary>Writes all text (UTF-8, no byte-order mark) to <paramref name="path"/> as a 0600 file.</summary>
    public static void WriteAllText(string path, string text)
    {
        using var stream = Create(path);
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.Write(text);
    }

    /// <summary>Narrows an existing file to 0600 (a file written by a library that does not take a creation mode).</summary>
    public static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~OwnerOnlyFile) != 0)
        {
            File.SetUnixFileMode(path, OwnerOnlyFile);
        }
    }
}
