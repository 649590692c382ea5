using BlindSpot.Core.Hashing;
using BlindSpot.Core.Paths;

namespace BlindSpot.Pipeline.Stages;

/// <summary>Builds the file → SHA-256 maps of checkpoints, keyed by paths relative to the data root with '/' separators.</summary>
internal sealed class StageFiles(DataRoot root)
{
    private readonly SortedDictionary<string, string> hashes = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Hashes => hashes;

    /// <summary>Adds the file when it exists; a missing optional input simply is not part of the key.</summary>
    public async Task AddAsync(string path, CancellationToken ct)
    {
        if (File.Exists(path))
        {
            hashes[Relative(path)] = await FileHash.Sha256Async(path, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Adds the file with the hash <paramref name="known"/> records for it (a stage that just wrote or checked it), else hashes it.</summary>
    public async Task AddKnownAsync(string path, IReadOnlyDictionary<string, string> known, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(known);
        if (File.Exists(path) && known.TryGetValue(Relative(path), out var hash))
        {
            hashes[Relative(path)] = hash;
            return;
        }

        await AddAsync(path, ct).ConfigureAwait(false);
    }

    public async Task AddFolderAsync(string folder, string pattern, CancellationToken ct)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.GetFiles(folder, pattern).Order(StringComparer.Ordinal))
        {
            await AddAsync(file, ct).ConfigureAwait(false);
        }
    }

    /// <summary>A value that is not a file (a model hash, a catalog version), under a '#'-prefixed key.</summary>
    public void Add(string key, string value) => hashes[key] = value;

    public string Relative(string path) => Path.GetRelativePath(root.Path, path).Replace('\\', '/');
}
