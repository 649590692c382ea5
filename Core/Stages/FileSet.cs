namespace BlindSpot.Core.Stages;

/// <summary>The files of one folder matching a pattern (<c>*.parquet</c>, <c>part-*.parquet</c>), not recursive. Immutable.</summary>
public sealed record FileSet(string Folder, string Pattern)
{
    /// <summary>The matching files now, in ordinal order; none when the folder does not exist.</summary>
    public IReadOnlyList<string> List() =>
        Directory.Exists(Folder) ? [.. Directory.GetFiles(Folder, Pattern).Order(StringComparer.Ordinal)] : [];

    /// <summary>True when <paramref name="path"/> (absolute) is one of this set's files by folder and pattern.</summary>
    public bool Covers(string path) =>
        string.Equals(Path.GetDirectoryName(path), Folder, StringComparison.Ordinal)
        && System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(Pattern, Path.GetFileName(path));
}
