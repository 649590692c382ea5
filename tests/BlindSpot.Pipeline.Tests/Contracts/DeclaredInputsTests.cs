using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Regions;
using BlindSpot.Core.Stages;
using BlindSpot.Dispatch;
using BlindSpot.Dispatch.Discovery;
using BlindSpot.Dispatch.Worklists;
using BlindSpot.Features;
using BlindSpot.Ingestion;
using BlindSpot.Pipeline.Tests.TestSupport;
using BlindSpot.Scoring.Batch;
using BlindSpot.Scoring.Registry;

namespace BlindSpot.Pipeline.Tests.Contracts;

/// <summary>
/// Each stage opens only what it declares: a file it reads without declaring it could change without the checkpoint
/// noticing, and the stage would be skipped stale. Recorded by access times (the data root's file system updates them on
/// the first read after they were set back, as Linux's default <c>relatime</c> does): every file is set to 2000-01-01
/// after the checkpoint's own hashing, the stage runs, and the files read since are compared with its declaration.
/// </summary>
[NonParallelizable]
public sealed class DeclaredInputsTests
{
    private static readonly DateTime Long = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly Quarter Q = Quarter.Parse(SampleRoot.Quarter);
    private DataRoot root = null!;

    [OneTimeSetUp]
    public async Task CopySample() => root = new DataRoot(await SampleRoot.CopyAsync());

    [Test]
    public async Task EveryStage_ReadsOnlyWhatItDeclares_AndEveryDeclaredInputItRead()
    {
        RequireAccessTimes();
        var catalog = FeedCatalog.LoadDefault();
        var regions = RegionRegistry.LoadDefault();
        var stages = new (IQuarterStage Stage, Quarter Quarter)[]
        {
            (new IngestStage(new IngestOptions { Catalog = catalog, Pseudonymizer = Pseudonymizer.ForSampleData() }), Q),
            (new FeaturesStage(catalog, new FeatureOptions()), Q),
            (new ScoreStage(new ModelRegistry(SampleRoot.Models), new ScoreOptions(), TimeProvider.System), Q),
            (new DispatchStage(catalog, regions, new DispatchOptions(), Pseudonymizer.ForSampleData(), new FileWorklistStore(root, [.. regions.Sigungu.Select(s => s.Code)])), Q),
            (new DiscoveryIndexStage(catalog, regions, new DispatchOptions(), Pseudonymizer.ForSampleData()), Q),
        };
        var problems = new List<string>();
        foreach (var (stage, quarter) in stages)
        {
            var checkpoint = new StageCheckpoint(TimeProvider.System);
            var decision = await checkpoint.DecideAsync(stage, root, quarter);
            SetAccessTimesBack();
            await checkpoint.RunAsync(decision);

            var read = ReadSince();
            var declaration = decision.Declaration;
            var inputs = declaration.ExistingInputs().ToHashSet(StringComparer.Ordinal);
            var outputs = declaration.WriteFiles.Concat(declaration.WriteSets.SelectMany(s => s.List())).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(read.Where(f => !inputs.Contains(f) && !outputs.Contains(f) && !declaration.WriteSets.Any(s => s.Covers(f)))
                .Select(f => $"{stage.Name} read {root.Relative(f)} without declaring it"));
            problems.AddRange(inputs.Where(f => !read.Contains(f) && !MayLeaveUnread(stage, f)).Select(f => $"{stage.Name} declares {root.Relative(f)} but never read it"));
        }

        Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems));
    }

    // Dispatch quotes the lake only for the feeds its selected people's reasons name, which depends on the data: it declares
    // the whole lake (a changed feed may change a reason), so some lake files stay unread on any given quarter.
    private bool MayLeaveUnread(IQuarterStage stage, string file) =>
        stage.Name == StageNames.Dispatch && file.StartsWith(root.LakeFolder(Q) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    // The run manifest and lock files are the checkpoint's own, not a stage's input.
    private IEnumerable<string> Files() =>
        Directory.EnumerateFiles(root.Path, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(Path.Combine(root.Path, "runs") + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    private void SetAccessTimesBack()
    {
        foreach (var file in Files())
        {
            File.SetLastAccessTimeUtc(file, Long);
        }
    }

    private HashSet<string> ReadSince() => Files().Where(f => File.GetLastAccessTimeUtc(f) > Long).ToHashSet(StringComparer.Ordinal);

    private void RequireAccessTimes()
    {
        var probe = Path.Combine(root.Path, "atime-probe");
        File.WriteAllText(probe, "probe");
        File.SetLastAccessTimeUtc(probe, Long);
        _ = File.ReadAllText(probe);
        var updated = File.GetLastAccessTimeUtc(probe) > Long;
        File.Delete(probe);
        if (!updated)
        {
            Assert.Ignore($"{Path.GetTempPath()} is mounted without access times (noatime); reads cannot be recorded here.");
        }
    }
}
