using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Runs;
using BlindSpot.Core.Stages;

namespace BlindSpot.Core.Tests.Stages;

public sealed class StageCheckpointTests
{
    private static readonly Quarter Q = Quarter.Parse("2026Q3");
    private DataRoot root = null!;
    private RecordingStage stage = null!;
    private StageCheckpoint checkpoint = null!;

    [SetUp]
    public void CreateRoot()
    {
        root = new DataRoot(Directory.CreateTempSubdirectory("blindspot-checkpoint-").FullName);
        File.WriteAllText(RecordingStage.Input(root), "input ");
        stage = new RecordingStage();
        checkpoint = new StageCheckpoint(TimeProvider.System);
    }

    [TearDown]
    public void DeleteRoot() => Directory.Delete(root.Path, recursive: true);

    [Test]
    public async Task RunAsync_NoRecord_RunsAndRecordsInputsOutputsAndCounts()
    {
        var result = await checkpoint.RunAsync(stage, root, Q);

        var record = RunManifest.Load(root, Q).Find(stage.Name)!;
        Assert.Multiple(() =>
        {
            Assert.That(result.Ran, Is.True);
            Assert.That(record.State, Is.EqualTo(StageState.Completed));
            Assert.That(record.Inputs.Keys, Is.EqualTo(new[] { "#catalog", "#option", "in.txt", "models/household/v1/model.zip" }));
            Assert.That(record.Outputs.Keys, Is.EqualTo(new[] { "out/out.txt" }));
            Assert.That(record.Counts["rows"], Is.EqualTo(7));
            Assert.That(record.PeakWorkingSetBytes, Is.Positive);
        });
    }

    [Test]
    public async Task RunAsync_SameInputsAndIntactOutputs_Skips()
    {
        await checkpoint.RunAsync(stage, root, Q);
        var before = File.ReadAllBytes(root.RunManifest(Q));

        var second = await checkpoint.RunAsync(stage, root, Q);

        Assert.That((second.Ran, stage.Runs), Is.EqualTo((false, 1)));
        Assert.That(File.ReadAllBytes(root.RunManifest(Q)), Is.EqualTo(before), "a skip changes no byte of the manifest");
    }

    // One change of each kind of input the contract knows: a file, the catalog version, a model's hash, an option.
    [TestCase("file")]
    [TestCase("catalog")]
    [TestCase("model")]
    [TestCase("option")]
    public async Task RunAsync_OneInputChanged_RunsAgain(string kind)
    {
        await checkpoint.RunAsync(stage, root, Q);
        switch (kind)
        {
            case "file": File.AppendAllText(RecordingStage.Input(root), "changed"); break;
            case "catalog": stage.Catalog = "2026.5"; break;
            case "model": stage.ModelSha256 = "bb"; break;
            default: stage.Option = "margin=4"; break;
        }

        var second = await checkpoint.RunAsync(stage, root, Q);

        Assert.That((second.Ran, stage.Runs), Is.EqualTo((true, 2)));
        Assert.That(second.Reason, Does.Contain("inputs changed"));
    }

    [Test]
    public async Task RunAsync_OutputDeleted_RunsAgain()
    {
        await checkpoint.RunAsync(stage, root, Q);
        File.Delete(RecordingStage.Output(root));

        var second = await checkpoint.RunAsync(stage, root, Q);

        Assert.That((second.Ran, File.Exists(RecordingStage.Output(root))), Is.EqualTo((true, true)));
    }

    [Test]
    public async Task RunAsync_OutputAltered_RunsAgainAndRestoresIt()
    {
        await checkpoint.RunAsync(stage, root, Q);
        File.WriteAllText(RecordingStage.Output(root), "tampered");

        var second = await checkpoint.RunAsync(stage, root, Q);

        Assert.That(second.Reason, Is.EqualTo("a recorded output is missing or changed"));
        Assert.That(File.ReadAllText(RecordingStage.Output(root)), Is.EqualTo("input margin=3"));
    }

    [Test]
    public async Task RunAsync_StageThrows_RecordsFailedNeverCompleted()
    {
        await checkpoint.RunAsync(stage, root, Q);
        File.AppendAllText(RecordingStage.Input(root), "changed");
        stage.Failure = new InvalidDataException("bad delivery");

        Assert.ThrowsAsync<InvalidDataException>(() => checkpoint.RunAsync(stage, root, Q));

        var record = RunManifest.Load(root, Q).Find(stage.Name)!;
        Assert.That((record.State, record.Error), Is.EqualTo((StageState.Failed, "bad delivery")));
        stage.Failure = null;
        Assert.That((await checkpoint.DecideAsync(stage, root, Q)).Skip, Is.False, "a failed record is never a reason to skip");
    }

    [Test]
    public void RunAsync_DeclaredOutputNotWritten_FailsAndRecordsFailed()
    {
        stage.SkipWriting = true;

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => checkpoint.RunAsync(stage, root, Q));

        Assert.That(error!.Message, Does.Contain("finished without writing out/out.txt"));
        Assert.That(RunManifest.Load(root, Q).Find(stage.Name)!.State, Is.EqualTo(StageState.Failed));
    }

    [Test]
    public async Task RunAsync_Cancelled_NeverRecordedCompleted()
    {
        stage.Failure = new OperationCanceledException();

        Assert.ThrowsAsync<OperationCanceledException>(() => checkpoint.RunAsync(stage, root, Q));

        Assert.That(RunManifest.Load(root, Q).Find(stage.Name)!.State, Is.EqualTo(StageState.Running), "as after a crash: the next run starts it again");
        Assert.That((await checkpoint.DecideAsync(stage, root, Q)).Skip, Is.False);
    }

    [Test]
    public void RunAsync_DataRootMissing_RefusesAndCreatesNothing()
    {
        var missing = new DataRoot(Path.Combine(root.Path, "no-such-root"));

        Assert.ThrowsAsync<DataRootException>(() => checkpoint.RunAsync(stage, missing, Q));

        Assert.That(Directory.Exists(missing.Path), Is.False);
    }

    [Test]
    public async Task RunAsync_PartialOutcome_RecordedAsFailedWithWhatWasWritten()
    {
        var part = Path.Combine(root.Path, "part.txt");
        File.WriteAllText(part, "half");
        stage.Failure = new PartialFailure(new StageOutcome
        {
            Counts = new Dictionary<string, long> { ["rows"] = 3 },
            Written = new Dictionary<string, string> { [part] = "hash-taken-while-writing" },
        });

        Assert.ThrowsAsync<PartialFailure>(() => checkpoint.RunAsync(stage, root, Q));

        var record = RunManifest.Load(root, Q).Find(stage.Name)!;
        Assert.That((record.State, record.Outputs["part.txt"], record.Counts["rows"]), Is.EqualTo((StageState.Failed, "hash-taken-while-writing", 3L)));
        Assert.That((await checkpoint.DecideAsync(stage, root, Q)).Skip, Is.False);
    }

    private sealed class PartialFailure(StageOutcome partial) : Exception("part failed"), IPartialOutcome
    {
        public StageOutcome? Partial { get; } = partial;
    }
}
