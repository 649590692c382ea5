using BlindSpot.Core.Catalog;
using BlindSpot.Core.Errors;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Runs;
using BlindSpot.Core.Stages;
using BlindSpot.Ingestion;
using BlindSpot.Pipeline.Checkpoints;
using BlindSpot.Pipeline.Stages;
using BlindSpot.Pipeline.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlindSpot.Pipeline.Tests.Stages;

/// <summary>Issue 14, finding 3: the quarter before is a checkpointed input: a partial Q-1 is redone, an invalid one fails every run.</summary>
public sealed class PreviousQuarterTests
{
    private static readonly Quarter Q = Quarter.Parse("2026Q2");
    private DataRoot root = null!;

    [SetUp]
    public void CopyTwoQuarters()
    {
        root = new DataRoot(Directory.CreateTempSubdirectory("blindspot-previous-").FullName);
        foreach (var quarter in new[] { Q.Previous, Q })
        {
            var source = Path.Combine(Repository.Root, "sample-data", "raw", quarter.ToString());
            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(root.RawFolder(quarter), Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }

    [TearDown]
    public void DeleteRoot() => Directory.Delete(root.Path, recursive: true);

    [Test]
    public async Task RunAsync_PreviousQuarterKilledMidIngest_IsRedoneToTheBytesOfACleanRun()
    {
        await IngestAsync();
        var clean = SampleRoot.Hashes(root.Path, $"lake/{Q.Previous}", "roster");
        // What a SIGKILL part-way through Q-1's ingest leaves: its record still "running", some lake files written, one cut short.
        var manifest = RunManifest.LoadOrCreate(root.RunManifest(Q.Previous), Q.Previous.ToString());
        var record = manifest.Find(StageNames.Ingest)!;
        manifest.With(record with { State = StageState.Running, Outputs = new SortedDictionary<string, string>(StringComparer.Ordinal), FinishedAt = null }).Save(root.RunManifest(Q.Previous));
        var lake = Directory.GetFiles(root.LakeFolder(Q.Previous), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        foreach (var file in lake.Skip(4))
        {
            File.Delete(file);
        }

        using (var cut = new FileStream(lake[0], FileMode.Open))
        {
            cut.SetLength(cut.Length / 2);
        }

        await IngestAsync();

        Assert.Multiple(() =>
        {
            Assert.That(SampleRoot.Hashes(root.Path, $"lake/{Q.Previous}", "roster"), Is.EqualTo(clean));
            Assert.That(RunManifest.LoadOrCreate(root.RunManifest(Q.Previous), Q.Previous.ToString()).Find(StageNames.Ingest)?.State, Is.EqualTo(StageState.Completed));
        });
    }

    [Test]
    public void RunAsync_InvalidPreviousQuarter_FailsEveryRunWithADataError()
    {
        var roster = Path.Combine(root.RawFolder(Q.Previous), "MOIS", "resident_registration.csv.gz");
        File.WriteAllBytes(roster, [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

        var first = Assert.ThrowsAsync<IngestException>(() => IngestAsync());
        var second = Assert.ThrowsAsync<IngestException>(() => IngestAsync());

        Assert.Multiple(() =>
        {
            Assert.That(first!.Message, Does.Contain($"ingest {Q.Previous} failed").And.Contain("resident_registration.csv.gz"));
            Assert.That(second!.Message, Does.Contain($"ingest {Q.Previous} failed"), "a second attempt must not find a half-made lake and carry on");
            Assert.That(first, Is.InstanceOf<DataErrorException>().And.Not.InstanceOf<IOException>(), "a data error: never retried");
            Assert.That(Directory.Exists(root.RosterFolder(Q)), Is.False, "the quarter itself is not ingested on top of a failed Q-1");
        });
    }

    // The pipeline's ingest stage (Q-1 first, then Q), through the runner and its checkpoint.
    private Task<bool> IngestAsync() =>
        new StageRunner([new IngestUnits(FeedCatalog.LoadDefault(), Pseudonymizer.ForSampleData(), TimeProvider.System)], new PipelineOptions { DataRoot = root.Path }, TimeProvider.System, NullLogger<StageRunner>.Instance)
            .RunAsync(StageNames.Ingest, Q, CancellationToken.None);
}
