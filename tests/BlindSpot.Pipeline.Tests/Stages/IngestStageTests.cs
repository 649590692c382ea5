using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Pipeline.Checkpoints;
using BlindSpot.Pipeline.Stages;

namespace BlindSpot.Pipeline.Tests.Stages;

public sealed class IngestStageTests
{
    private static readonly Quarter Q = Quarter.Parse("2026Q3");

    // Ingesting the quarter before writes that quarter's run manifest, so it takes that quarter's ingest lock first.
    [Test]
    public void RunAsync_QuarterBeforeBeingIngestedElsewhere_WaitsForItsLock()
    {
        var root = new DataRoot(Directory.CreateTempSubdirectory("blindspot-ingest-stage-").FullName);
        try
        {
            Directory.CreateDirectory(root.RawFolder(Q.Previous));
            using var elsewhere = StageLock.Acquire(root, Q.Previous, "ingest");
            var stage = new IngestStage(FeedCatalog.LoadDefault(), Pseudonymizer.FromEnvironment(allowSampleKey: true), TimeProvider.System);

            Assert.That(() => stage.RunAsync(root, Q, null, CancellationToken.None), Throws.TypeOf<StageLockedException>().With.Message.Contains(Q.Previous.ToString()));
        }
        finally
        {
            Directory.Delete(root.Path, recursive: true);
        }
    }
}
