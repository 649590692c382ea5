using BlindSpot.Core.Hashing;
using BlindSpot.Pipeline.Runs;

namespace BlindSpot.Pipeline.Tests.TestSupport;

/// <summary>
/// The committed sample prepared once per test run for 2026Q3: 2026Q1 and 2026Q2 ingested with features and labels, and
/// small models (50 trees, fixed seed) trained on 2026Q1, validated on 2026Q2 and promoted into a temporary models
/// folder. Each test runs the pipeline on its own copy, so tests never see each other's outputs.
/// </summary>
internal static class SampleRoot
{
    public const string Quarter = "2026Q3";

    private static readonly Lazy<Task<string>> Prepared = new(PrepareAsync);

    private static readonly Lazy<Task<(string Root, List<StageProgress> Progress)>> Completed = new(CompleteAsync);

    public static string Scratch { get; } = Path.Combine(Path.GetTempPath(), $"blindspot-pipeline-tests-{Environment.ProcessId}");

    public static string Models => Path.Combine(Scratch, "models");

    /// <summary>A fresh copy of the prepared data root (without the models).</summary>
    public static async Task<string> CopyAsync()
    {
        var source = await Prepared.Value;
        var target = Path.Combine(Scratch, "run-" + Guid.NewGuid().ToString("N")[..8]);
        Copy(source, target);
        return target;
    }

    /// <summary>
    /// A copy on which 2026Q3 has run to the end with in-memory storage, shared by the tests that only read a finished
    /// run (never write to it).
    /// </summary>
    public static Task<(string Root, List<StageProgress> Progress)> CompletedRunAsync() => Completed.Value;

    /// <summary>A fresh copy of the shared finished run of 2026Q3, for a test that runs it again with other settings.</summary>
    public static async Task<string> CopyOfCompletedRunAsync()
    {
        var (source, _) = await Completed.Value;
        var target = Path.Combine(Scratch, "rerun-" + Guid.NewGuid().ToString("N")[..8]);
        Copy(source, target);
        return target;
    }

    /// <summary>A copy of the prepared models folder, for a test that changes which models are live.</summary>
    public static async Task<string> CopyModelsAsync()
    {
        await Prepared.Value;
        var target = Path.Combine(Scratch, "models-" + Guid.NewGuid().ToString("N")[..8]);
        Copy(Models, target);
        return target;
    }

    /// <summary>
    /// Relative path → SHA-256 of every file under the given folders of <paramref name="root"/>, except the score shards
    /// (<c>scores/&lt;Q&gt;/shards/</c>): intermediate files that only a sharded run writes, compared where it matters.
    /// </summary>
    public static SortedDictionary<string, string> Hashes(string root, params string[] folders)
    {
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in folders.Select(f => Path.Combine(root, f)).Where(Directory.Exists))
        {
            foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(Path.GetDirectoryName(f)) != "shards"))
            {
                hashes[Path.GetRelativePath(root, file)] = FileHash.Sha256(file);
            }
        }

        return hashes;
    }

    public static void Delete()
    {
        if (Directory.Exists(Scratch))
        {
            Directory.Delete(Scratch, recursive: true);
        }
    }

    private static async Task<string> PrepareAsync()
    {
        var root = Path.Combine(Scratch, "prepared");
        Copy(Path.Combine(Repository.Root, "sample-data"), root);
        foreach (var q in new[] { "2026Q1", "2026Q2" })
        {
            await CliRun.MustAsync("ingest", q, "--data", root);
            await CliRun.MustAsync("features", q, "--data", root);
            await CliRun.MustAsync("outcomes", "import", Path.Combine(root, "outcomes", q, "outcomes.csv"), "--quarter", q, "--data", root);
        }

        foreach (var variant in new[] { "household", "child", "lonely_death" })
        {
            await CliRun.MustAsync("train", "--variant", variant, "--train", "2026Q1", "--valid", "2026Q2", "--trees", "50", "--data", root, "--models", Models);
            var version = Path.GetFileName(Directory.GetDirectories(Path.Combine(Models, variant)).Single());
            // Forced: a 50-tree model on one quarter may trail the rule baseline; these tests are about the chain, not the model.
            await CliRun.MustAsync("models", "promote", $"{variant}/{version}", "--force", "--models", Models, "--data", root);
        }

        return root;
    }

    private static async Task<(string Root, List<StageProgress> Progress)> CompleteAsync()
    {
        var root = await CopyAsync();
        await using var pipeline = new TestPipeline(root, Models);
        var (outcome, progress) = await pipeline.RunAsync(Quarter);
        Assert.That(outcome.Succeeded, Is.True, outcome.Error);
        return (root, progress);
    }

    private static void Copy(string source, string target)
    {
        foreach (var directory in Directory.GetDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, directory)));
        }

        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)));
        }
    }
}
