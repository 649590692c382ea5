using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Stages;
using BlindSpot.Pipeline.Checkpoints;
using BlindSpot.Pipeline.Stages;
using Microsoft.Extensions.Logging.Abstractions;

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
            var stage = new IngestUnits(FeedCatalog.LoadDefault(), Pseudonymizer.FromEnvironment(allowSampleKey: true), TimeProvider.System);
            var runner = new StageRunner([stage], new PipelineOptions { DataRoot = root.Path }, TimeProvider.System, NullLogger<StageRunner>.Instance);

            Assert.That(() => runner.RunAsync(StageNames.Ingest, Q, CancellationToken.None), Throws.TypeOf<StageLockedException>().With.Message.Contains(Q.Previous.ToString()));
        }
        finally
        {
            Directory.Delete(root.Path, recursive: true);
        }
    }

    [Test]
    public void Units_QuarterBeforeDelivered_IngestsItFirst()
    {
        var root = new DataRoot(Directory.CreateTempSubdirectory("blindspot-ingest-stage-").FullName);
        try
        {
            var stage = new IngestUnits(FeedCatalog.LoadDefault(), Pseudonymizer.ForSampleData(), TimeProvider.System);
            var alone = stage.Units(root, Q).Select(u => u.Quarter).ToList();
            Directory.CreateDirectory(root.RawFolder(Q.Previous));

            Assert.That(alone, Is.EqualTo(new[] { Q }));
            Assert.That(stage.Units(root, Q).Select(u => u.Quarter), Is.EqualTo(new[] { Q.Previous, Q }));
        }
        finally
        {
            Directory.Delete(root.Path, recursive: true);
        }
    }
}
