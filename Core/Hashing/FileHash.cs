using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace BlindSpot.Core.Hashing;

/// <summary>
/// SHA-256 of files, as lowercase hex: what manifests record to tell whether an input changed.
/// </summary>
/// <remarks>
/// A file is hashed once per process while it keeps its length and last-write time (nanosecond resolution on the file
/// systems BlindSpot runs on): in a quarter's run one stage's outputs are the next stage's inputs, and at 9 million
/// people reading gigabytes twice costs seconds. <see cref="Remember"/> records a hash taken while a file was written.
/// Any write changes the last-write time, so a changed file is always hashed again.
/// </remarks>
public static class FileHash
{
    private static readonly ConcurrentDictionary<string, (long Length, DateTime Written, string Hash)> Known = new(StringComparer.Ordinal);

    public static string Sha256(string path)
    {
        var (full, length, written) = Stamp(path);
        if (Lookup(full, length, written) is { } known)
        {
            return known;
        }

        using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 20);
        return Keep(full, length, written, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }

    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken = default)
    {
        var (full, length, written) = Stamp(path);
        if (Lookup(full, length, written) is { } known)
        {
            return known;
        }

        await using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 20, useAsync: true);
        return Keep(full, length, written, Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false)));
    }

    /// <summary>
    /// The hashes of <paramref name="paths"/>, in their order, read in parallel on every core (hashing a quarter's
    /// deliveries or a stage's outputs is gigabytes of reading and SHA-256).
    /// </summary>
    public static async Task<string[]> Sha256AllAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var hashes = new string[paths.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, paths.Count), parallel, async (i, token) =>
            hashes[i] = await Sha256Async(paths[i], token).ConfigureAwait(false)).ConfigureAwait(false);
        return hashes;
    }

    /// <summary>Records <paramref name="sha256"/> as the hash of <paramref name="path"/> as it is now (its writer just hashed what it wrote).</summary>
    public static void Remember(string path, string sha256)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sha256);
        var (full, length, written) = Stamp(path);
        Keep(full, length, written, sha256);
    }

    private static (string Full, long Length, DateTime Written) Stamp(string path)
    {
        var file = new FileInfo(Path.GetFullPath(path));
        if (!file.Exists)
        {
            // The runtime's own error (file not found, folder not found, access denied), as before the memo.
            File.OpenRead(file.FullName).Dispose();
        }

        return (file.FullName, file.Length, file.LastWriteTimeUtc);
    }

    private static string? Lookup(string full, long length, DateTime written) =>
        Known.TryGetValue(full, out var entry) && entry.Length == length && entry.Written == written ? entry.Hash : null;

    private static string Keep(string full, long length, DateTime written, string hash)
    {
        Known[full] = (length, written, hash);
        return hash;
    }
}
