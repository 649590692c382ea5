using BlindSpot.Core.Errors;
using BlindSpot.Core.Paths;
using BlindSpot.Pipeline.Checkpoints;
using BlindSpot.Pipeline.Jobs;
using BlindSpot.Pipeline.Stages;
using BlindSpot.Pipeline.Tests.Checkpoints;
using BlindSpot.Pipeline.Tests.TestSupport;
using Microsoft.Extensions.Logging;

namespace BlindSpot.Pipeline.Tests.Logging;

/// <summary>What a stage job logs when its checkpoint holds and when it fails, inside the run's scope.</summary>
public sealed class StageRunLogTests
{
    private const string RunId = "2026Q3-20260701T000000Z-abc123";
    private DataRoot root = null!;
    private FakeStage stage = null!;
    private CapturingLoggerProvider logs = null!;
    private ILoggerFactory factory = null!;
    private QuarterRunJobs jobs = null!;

    [SetUp]
    public void CreateJobs()
    {
        root = new DataRoot(Directory.CreateTempSubdirectory("blindspot-stagelog-").FullName);
        stage = new FakeStage { Name = PipelineStages.Ingest };
        logs = new CapturingLoggerProvider();
        factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var runner = new StageRunner([new PipelineStage(stage)], new PipelineOptions { DataRoot = root.Path }, TimeProvider.System, factory.CreateLogger<StageRunner>());
        jobs = new QuarterRunJobs(runner, factory.CreateLogger<QuarterRunJobs>());
    }

    [TearDown]
    public void Delete()
    {
        factory.Dispose();
        logs.Dispose();
        Directory.Delete(root.Path, recursive: true);
    }

    [Test]
    public async Task IngestAsync_CheckpointHeld_LogsSkipAndWhyInRunScope()
    {
        await jobs.IngestAsync("2026Q3", RunId, CancellationToken.None);
        await jobs.IngestAsync("2026Q3", RunId, CancellationToken.None);

        var skipped = logs.Entries.Single(e => e.EventId.Id == 1001);
        Assert.Multiple(() =>
        {
            Assert.That(skipped.Message, Is.EqualTo("ingest skipped: completed with the same 1 inputs and intact outputs"));
            Assert.That(skipped.Scopes, Has.Some.Contains($"RunId={RunId}").And.Some.Contains("Quarter=2026Q3"));
            Assert.That(logs.Entries.Where(e => e.EventId.Id == 1002).Select(e => e.Message), Is.EqualTo(new[] { "ingest must run: no record of it in the run manifest" }));
        });
    }

    [Test]
    public void IngestAsync_StageThrows_LogsFailureInRunScope()
    {
        stage.Failure = new InvalidDataException("bad delivery");

        Assert.ThrowsAsync<InvalidDataException>(() => jobs.IngestAsync("2026Q3", RunId, CancellationToken.None));

        var failed = logs.Entries.Single(e => e.EventId.Id == 1005);
        Assert.Multiple(() =>
        {
            Assert.That(failed.Level, Is.EqualTo(LogLevel.Error));
            Assert.That(failed.Message, Is.EqualTo("ingest failed (InvalidDataException): bad delivery"));
            Assert.That(failed.Scopes, Has.Some.Contains($"RunId={RunId}").And.Some.Contains("Quarter=2026Q3"));
        });
    }

    [Test]
    public void IngestAsync_DataError_LogsItsMessageWithoutAStackTrace()
    {
        stage.Failure = new DataErrorException("raw/2026Q3/KEPCO/electricity_cutoff.csv.gz: the gzip file is cut off");

        Assert.ThrowsAsync<DataErrorException>(() => jobs.IngestAsync("2026Q3", RunId, CancellationToken.None));

        var failed = logs.Entries.Single(e => e.Level == LogLevel.Error);
        Assert.Multiple(() =>
        {
            Assert.That(failed.EventId.Id, Is.EqualTo(1006));
            Assert.That(failed.Message, Is.EqualTo("ingest failed on a data error (DataErrorException): raw/2026Q3/KEPCO/electricity_cutoff.csv.gz: the gzip file is cut off"));
            Assert.That(failed.Exception, Is.Null, "the operator's message, not where it was noticed");
            Assert.That(failed.Scopes, Has.Some.Contains($"RunId={RunId}"));
        });
    }
}
