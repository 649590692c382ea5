using BlindSpot.Core.Catalog;
using BlindSpot.Core.Hashing;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Runs;
using BlindSpot.Pipeline.Stages;

namespace BlindSpot.Pipeline.Tests.Stages;

public sealed class FeaturesStageTests
{
    private static readonly Quarter Q = Quarter.Parse("2026Q3");
    private DataRoot root = null!;
    private FeedCatalog catalog = null!;

    [SetUp]
    public void CreateRoot()
    {
        root = new DataRoot(Directory.CreateTempSubdirectory("blindspot-features-stage-").FullName);
        catalog = FeedCatalog.LoadDefault();
        foreach (var path in new[] { root.Roster(Q), root.LakeFeed(Q, catalog.Feeds[0].Code), root.LakeFeed(Q.Previous, catalog.Feeds[0].Code) })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, path);
        }
    }

    [TearDown]
    public void DeleteRoot() => Directory.Delete(root.Path, recursive: true);

    // Ingest hashed the quarter's roster and lake in this run; the features key takes those hashes instead of hashing again.
    [Test]
    public async Task InputsAsync_IngestCompleted_TakesTheQuartersHashesFromItsRecord()
    {
        var roster = Relative(root.Roster(Q));
        RunManifest.LoadOrCreate(root.RunManifest(Q), Q.ToString())
            .With(new StageRecord { Stage = "ingest", State = StageState.Completed, Outputs = new Dictionary<string, string> { [roster] = "hash-recorded-by-ingest" } })
            .Save(root.RunManifest(Q));

        var inputs = await new FeaturesStage(catalog, TimeProvider.System).InputsAsync(root, Q, CancellationToken.None);

        Assert.That(inputs![roster], Is.EqualTo("hash-recorded-by-ingest"));
        Assert.That(inputs[Relative(root.LakeFeed(Q, catalog.Feeds[0].Code))], Is.EqualTo(FileHash.Sha256(root.LakeFeed(Q, catalog.Feeds[0].Code))), "not in ingest's record: hashed");
        Assert.That(inputs[Relative(root.LakeFeed(Q.Previous, catalog.Feeds[0].Code))], Is.EqualTo(FileHash.Sha256(root.LakeFeed(Q.Previous, catalog.Feeds[0].Code))), "the quarter before is hashed: this run's ingest did not check it");
    }

    [Test]
    public async Task InputsAsync_NoIngestRecord_HashesTheFiles()
    {
        var inputs = await new FeaturesStage(catalog, TimeProvider.System).InputsAsync(root, Q, CancellationToken.None);

        Assert.That(inputs![Relative(root.Roster(Q))], Is.EqualTo(FileHash.Sha256(root.Roster(Q))));
        Assert.That(inputs["#catalog"], Is.EqualTo(catalog.Version));
    }

    private string Relative(string path) => Path.GetRelativePath(root.Path, path).Replace('\\', '/');
}
