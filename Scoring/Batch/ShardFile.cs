using Microsoft.Win32.SafeHandles;

namespace BlindSpot.Scoring.Batch;

/// <summary>
/// An open shard file checked against its expected key, with the place of every variant's section
/// (<see cref="ShardVariant"/>); its arrays are read with positional reads (<see cref="RandomAccess"/>), so several
/// cursors can read one file at once and nothing is held but what they read.
/// </summary>
internal sealed class ShardFile(string path, SafeFileHandle handle, IReadOnlyList<ShardVariant> variants) : IDisposable
{
    public string Path { get; } = path;

    public SafeFileHandle Handle { get; } = handle;

    /// <summary>One section per live variant, in the order the reduce was given them.</summary>
    public IReadOnlyList<ShardVariant> Variants { get; } = variants;

    public void Dispose() => Handle.Dispose();
}
