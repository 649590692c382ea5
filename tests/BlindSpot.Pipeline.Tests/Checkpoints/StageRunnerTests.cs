using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Runs;
using BlindSpot.Pipeline.Checkpoints;
using BlindSpot.Pipeline.Stages;
using Microsoft.Extensions.Logging.Abstractions;

namespace BlindSpot.Pipeline.Tests.Checkpoints;

public sealed class StageRunnerTests
{
    private static readonly Quarter Q = Quarter.Parse("2026Q3");
    private DataRoot root = null!;
    private FakeStage stage = null!;
    private StageRunner runner = null!;

    [SetUp]
    public void CreateRunner()
    {
        root = new DataRoot(Directory.CreateTempSubdirectory("blindspot-runner-").FullName);
        stage = new FakeStage();
        runner = new StageRunner([new PipelineStage(stage)], new PipelineOptions { DataRoot = root.Path }, TimeProvider.System, NullLogger<StageRunner>.Instance);
    }

    [TearDown]
    public void DeleteRoot() => Directory.Delete(root.Path, recursive: true);

    [Test]
    public async Task RunAsync_SameInputsAndIntactOutputs_Skips()
    {
        var first = await runner.RunAsync("fake", Q, CancellationToken.None);
        var second = await runner.RunAsync("fake", Q, CancellationToken.None);

        Assert.That((first, second, stage.Runs), Is.EqualTo((true, false, 1)));
    }

    [Test]
    public async Task RunAsync_InputsChanged_RunsAgain()
    {
        await runner.RunAsync("fake", Q, CancellationToken.None);
        stage.Key = "b";

        Assert.That(await runner.RunAsync("fake", Q, CancellationToken.None), Is.True);
        Assert.That(stage.Runs, Is.EqualTo(2));
    }

    [Test]
    public async Task RunAsync_OutputChangedSinceCompletion_RunsAgain()
    {
        await runner.RunAsync("fake", Q, CancellationToken.None);
        await File.WriteAllTextAsync(FakeStage.Output(root), "tampered");

        Assert.That(await runner.RunAsync("fake", Q, CancellationToken.None), Is.True);
        Assert.That(await File.ReadAllTextAsync(FakeStage.Output(root)), Is.EqualTo("a"));
    }

    [Test]
    public void RunAsync_StageThrows_RecordsFailureWithReason()
    {
        stage.Failure = new InvalidDataException("bad delivery");

        Assert.ThrowsAsync<InvalidDataException>(() => runner.RunAsync("fake", Q, CancellationToken.None));

        var record = RunManifest.LoadOrCreate(root.RunManifest(Q), Q.ToString()).Find("fake")!;
        Assert.That((record.State, record.Error), Is.EqualTo((StageState.Failed, "bad delivery")));
    }

    [Test]
    public void RunAsync_StageRunningElsewhere_ThrowsRetryableLockedWithoutRunning()
    {
        using var elsewhere = StageLock.Acquire(root, Q, "fake");

        var locked = Assert.ThrowsAsync<StageLockedException>(() => runner.RunAsync("fake", Q, CancellationToken.None));

        Assert.That(locked, Is.InstanceOf<IOException>(), "an IOException, so the job's automatic retry comes back later");
        Assert.That(locked!.Message, Does.Contain("fake 2026Q3 is already running elsewhere"));
        Assert.That(stage.Runs, Is.Zero);
    }
    [Test]
    public void RunAsync_DataRootMissing_RefusesAndCreatesNothing()
    {
        var missing = Path.Combine(root.Path, "no-such-root");
        var onMissing = new StageRunner([new PipelineStage(stage)], new PipelineOptions { DataRoot = missing }, TimeProvider.System, NullLogger<StageRunner>.Instance);

        var error = Assert.ThrowsAsync<DataRootException>(() => onMissing.RunAsync("fake", Q, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain($"The data root {missing} does not exist; nothing was created"));
            Assert.That(Directory.Exists(missing), Is.False, "no runs/<Q>/manifest.json, no lock file");
            Assert.That(stage.Runs, Is.Zero);
        });
    }

    // Hangfire retries IOExceptions; a read-only or full data root is one, but no retry can cure it.
    [TestCase(30, "read-only file system", Description = "EROFS")]
    [TestCase(28, "no space left", Description = "ENOSPC")]
    public void RunAsync_StorageFault_FailsAsADataErrorNamingThePathAndFreeSpace(int errno, string fault)
    {
        stage.Failure = new IOException("Input/output error : 'x'", errno);

        var error = Assert.ThrowsAsync<DataRootException>(() => runner.RunAsync("fake", Q, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain($"Cannot write under the data root {root.Path}: {fault}").And.Match(@"\d+\.\d [GM]B free of \d+\.\d [GM]B"));
            Assert.That(error, Is.Not.InstanceOf<IOException>());
            Assert.That(RunManifest.LoadOrCreate(root.RunManifest(Q), Q.ToString()).Find("fake")?.Error, Does.Contain(fault));
        });
    }
}
