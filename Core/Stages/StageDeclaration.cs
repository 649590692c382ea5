using System.Collections.Immutable;

namespace BlindSpot.Core.Stages;

/// <summary>
/// What one stage run reads and writes: its checkpoint key. Files are absolute paths under the data root; a file that
/// does not exist is simply not part of the key (an optional input: an absent previous quarter, a feed not delivered).
/// Values are the inputs that are not files and still change the outputs (catalog version, model hashes, options that
/// change bytes), recorded under a '#'-prefixed name. Immutable: every method returns a new declaration.
/// </summary>
/// <remarks>
/// A declaration describes one unit of work. Today a stage run is one unit recorded under the stage's name; partitioning
/// (issue 17) makes a stage run a list of units (one per bucket), each with its own declaration and record.
/// </remarks>
public sealed record StageDeclaration
{
    public static StageDeclaration Empty { get; } = new();

    /// <summary>Single input files (absent ones are not part of the key).</summary>
    public ImmutableList<string> ReadFiles { get; private init; } = [];

    /// <summary>Input folders with a file-name pattern: every matching file there (none when the folder is absent).</summary>
    public ImmutableList<FileSet> ReadSets { get; private init; } = [];

    /// <summary>Non-file inputs: name (without '#') → value.</summary>
    public ImmutableSortedDictionary<string, string> Values { get; private init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Input files whose SHA-256 is already known and checked where they are read (a model.zip, which the registry refuses
    /// when its bytes differ from the hash recorded at promotion): key → SHA-256, recorded as they are.
    /// </summary>
    public ImmutableSortedDictionary<string, string> Verified { get; private init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>Output files the stage always writes: missing after a run, the stage failed.</summary>
    public ImmutableList<string> WriteFiles { get; private init; } = [];

    /// <summary>Output folders with a pattern: whatever matches after the run is recorded (a feed not delivered writes no lake file).</summary>
    public ImmutableList<FileSet> WriteSets { get; private init; } = [];

    public StageDeclaration Reads(string path) => this with { ReadFiles = ReadFiles.Add(Full(path)) };

    public StageDeclaration Reads(IEnumerable<string> paths) => this with { ReadFiles = ReadFiles.AddRange(paths.Select(Full)) };

    public StageDeclaration ReadsAll(string folder, string pattern) => this with { ReadSets = ReadSets.Add(new FileSet(Full(folder), pattern)) };

    /// <summary>Every file matching <paramref name="pattern"/> in <paramref name="folder"/> and its subfolders: a bucketed table.</summary>
    public StageDeclaration ReadsTree(string folder, string pattern) => this with { ReadSets = ReadSets.Add(new FileSet(Full(folder), pattern, Recursive: true)) };

    /// <summary>A non-file input, e.g. <c>DependsOn("catalog", catalog.Version)</c>, recorded as <c>#catalog</c>.</summary>
    public StageDeclaration DependsOn(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        return this with { Values = Values.SetItem(name, value) };
    }

    /// <summary>A file read under <paramref name="key"/> whose <paramref name="sha256"/> its reader verifies (see <see cref="Verified"/>).</summary>
    public StageDeclaration ReadsVerified(string key, string sha256)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(sha256);
        return this with { Verified = Verified.SetItem(key, sha256) };
    }

    public StageDeclaration Writes(string path) => this with { WriteFiles = WriteFiles.Add(Full(path)) };

    public StageDeclaration WritesAll(string folder, string pattern) => this with { WriteSets = WriteSets.Add(new FileSet(Full(folder), pattern)) };

    /// <summary>Whatever matches <paramref name="pattern"/> in <paramref name="folder"/> and its subfolders after the run: a bucketed table.</summary>
    public StageDeclaration WritesTree(string folder, string pattern) => this with { WriteSets = WriteSets.Add(new FileSet(Full(folder), pattern, Recursive: true)) };

    /// <summary>Every existing input file, in ordinal order, without duplicates.</summary>
    public IReadOnlyList<string> ExistingInputs() => Existing(ReadFiles, ReadSets);

    /// <summary>Every existing output file, in ordinal order, without duplicates.</summary>
    public IReadOnlyList<string> ExistingOutputs() => Existing(WriteFiles, WriteSets);

    private static List<string> Existing(IEnumerable<string> files, IEnumerable<FileSet> sets) =>
        [.. files.Where(File.Exists).Concat(sets.SelectMany(s => s.List())).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static string Full(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Path.GetFullPath(path);
    }
}
