using BlindSpot.Core.Hashing;

namespace BlindSpot.Simulation.Tests.TestSupport;

/// <summary>SHA-256 of every file under a folder, keyed by its relative path with forward slashes.</summary>
internal static class FileHashes
{
    public static SortedDictionary<string, string> Of(string folder, Func<string, bool>? include = null) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => include is null || include(f))
            .ToDictionary(f => f, f => FileHash.Sha256(Path.Combine(folder, f))), StringComparer.Ordinal);
}
