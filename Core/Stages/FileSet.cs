namespace BlindSpot.Core.Stages;

/// <summary>
/// The files of one folder matching a pattern (<c>*.parquet</c>, <c>part-*.parquet</c>); with <see cref="Recursive"/>, in
/// its subfolders too (a bucketed table: <c>bucket=NNN/part-0.parquet</c>). Immutable.
/// </summary>
public sealed record FileSet(string Folder, string Pattern, bool Recursive = false)
{
    /// <summary>The matching files now, in ordinal order; none when the folder does not exist.</summary>
    public IReadOnlyList<string> List() =>
        Directory.Exists(Folder)
            ? [.. Directory.GetFiles(Folder, Pattern, Recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>True when <paramref name="path"/> (absolute) is one of this set's files by folder and pattern.</summary>
    public bool Covers(string path) =>
        (Recursive
            ? path.StartsWith(Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            : string.Equals(Path.GetDirectoryName(path), Folder, StringComparison.Ordinal))
        && System.IO.Enumeration.FileSystemName.MatchesSimpleExpression(Pattern, Path.GetFileName(path));
}
