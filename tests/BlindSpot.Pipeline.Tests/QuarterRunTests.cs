using BlindSpot.Core.Runs;
using BlindSpot.Pipeline.Runs;
using BlindSpot.Pipeline.Tests.TestSupport;

namespace BlindSpot.Pipeline.Tests;

/// <summary>The whole chain on a copy of the sample with in-memory job storage: what it writes, and how a rerun resumes.</summary>
[NonParallelizable]
public sealed class QuarterRunTests
{
    [Test]
    public async Task Run_SampleQuarter_CompletesEveryStageWithWorklistsAndReport()
    {
        // The shared finished run: triggered, followed to the end and asserted successful there.
        var (root, progress) = await SampleRoot.CompletedRunAsync();

        var manifest = RunManifest.LoadOrCreate(Path.Combine(root, "runs", SampleRoot.Quarter, "manifest.json"), SampleRoot.Quarter);
        Assert.Multiple(() =>
        {
            Assert.That(PipelineStages.Order.Select(s => manifest.Find(s)?.State), Is.All.EqualTo(StageState.Completed));
            // The lake of 2026Q2 was already there, so ingest ran for 2026Q3 only; every later stage ran in this run.
            Assert.That(TestPipeline.Final(progress).Where(p => p.Key != PipelineStages.Ingest).Select(p => p.Value), Is.All.EqualTo(StageStatus.Completed));
            Assert.That(manifest.Find(PipelineStages.Dispatch)!.Counts["entries"], Is.Positive);
            Assert.That(manifest.Find(PipelineStages.Dispatch)!.Inputs.Keys, Has.Some.StartsWith("scores/"), "dispatch's checkpoint key is recorded by the pipeline");
            Assert.That(Directory.GetFiles(Path.Combine(root, "worklists", SampleRoot.Quarter), "*.csv"), Is.Not.Empty);
            Assert.That(File.ReadAllText(Path.Combine(root, "runs", SampleRoot.Quarter, "report.html")), Does.Contain("Selections per 시도").And.Contain("household/")
                .And.Contain("Feature drift against 2026Q2").And.Contain("Top movers").And.Contain("Score distributions").And.Contain("peak MiB"));
            Assert.That(new[] { "feature-drift.png", "scores-household.png", "scores-child.png", "scores-lonely_death.png", "selections.png" }.Select(f => PngSignature(Path.Combine(root, "runs", SampleRoot.Quarter, f))), Is.All.True);
            Assert.That(PipelineStages.Order.Select(s => manifest.Find(s)?.PeakWorkingSetBytes), Is.All.GreaterThan(0), "every stage records its peak memory");
            Assert.That(manifest.Find(PipelineStages.Report)!.Outputs.Keys, Has.Some.EndsWith("scores-household.png"), "the charts are the report's outputs too");
        });
    }

    private static bool PngSignature(string path) => File.Exists(path) && File.ReadAllBytes(path).AsSpan(0, 8).SequenceEqual(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 });

    [Test]
    public async Task Run_QuarterBeforeNotIngested_IngestsItForChangeFeatures()
    {
        var root = await SampleRoot.CopyAsync();
        Directory.Delete(Path.Combine(root, "lake", "2026Q2"), recursive: true);
        await using var pipeline = new TestPipeline(root, SampleRoot.Models);

        var (outcome, _) = await pipeline.RunAsync(SampleRoot.Quarter);

        Assert.That(outcome.Succeeded, Is.True, outcome.Error);
        Assert.That(Directory.GetFiles(Path.Combine(root, "lake", "2026Q2"), "*.parquet", SearchOption.AllDirectories), Is.Not.Empty);
    }

    [Test]
    public async Task Run_StageFails_IsRecordedAndRerunResumesFromIt()
    {
        var root = await SampleRoot.CopyAsync();
        var models = await SampleRoot.CopyModelsAsync();
        var live = Directory.GetFiles(models, "live.json", SearchOption.AllDirectories);
        foreach (var file in live)
        {
            File.Move(file, file + ".away");
        }

        await using var pipeline = new TestPipeline(root, models);
        var (failed, progress) = await pipeline.RunAsync(SampleRoot.Quarter);

        var manifestPath = Path.Combine(root, "runs", SampleRoot.Quarter, "manifest.json");
        Assert.Multiple(() =>
        {
            Assert.That(failed.Succeeded, Is.False);
            Assert.That(failed.FailedStage, Is.EqualTo(PipelineStages.Score));
            Assert.That(failed.Error, Does.Contain("live model"));
            Assert.That(RunManifest.LoadOrCreate(manifestPath, SampleRoot.Quarter).Find(PipelineStages.Score)!.State, Is.EqualTo(StageState.Failed));
            Assert.That(TestPipeline.Final(progress)[PipelineStages.Features], Is.EqualTo(StageStatus.Completed));
        });

        foreach (var file in live)
        {
            File.Move(file + ".away", file);
        }

        var (resumed, again) = await pipeline.RunAsync(SampleRoot.Quarter);

        Assert.That(resumed.Succeeded, Is.True, resumed.Error);
        var final = TestPipeline.Final(again);
        Assert.Multiple(() =>
        {
            Assert.That(final[PipelineStages.Ingest], Is.EqualTo(StageStatus.Skipped));
            Assert.That(final[PipelineStages.Features], Is.EqualTo(StageStatus.Skipped));
            Assert.That(final[PipelineStages.Score], Is.EqualTo(StageStatus.Completed));
            Assert.That(final[PipelineStages.Dispatch], Is.EqualTo(StageStatus.Completed));
            Assert.That(RunManifest.LoadOrCreate(manifestPath, SampleRoot.Quarter).Find(PipelineStages.Score)!.State, Is.EqualTo(StageState.Completed));
        });
    }

    [Test]
    public async Task Run_DispatchDateChanged_DispatchesAgainWithLaterDueDates_ThenTheSameDateSkips()
    {
        var root = await SampleRoot.CopyOfCompletedRunAsync();
        // A 시군구 with people on its list (which ones have any depends on the catalog and the models).
        var csv = Directory.EnumerateFiles(Path.Combine(root, "worklists", SampleRoot.Quarter), "*.csv").Order(StringComparer.Ordinal)
            .First(f => File.ReadLines(f).Skip(1).Any());
        var before = File.ReadAllText(csv);
        await using var pipeline = new TestPipeline(root, SampleRoot.Models, configure: o => o.Dispatch.DispatchDate = new DateOnly(2026, 10, 20));

        var (late, lateProgress) = await pipeline.RunAsync(SampleRoot.Quarter);
        var after = File.ReadAllText(csv);
        var (again, againProgress) = await pipeline.RunAsync(SampleRoot.Quarter);

        Assert.That(late.Succeeded && again.Succeeded, Is.True, late.Error ?? again.Error);
        var first = TestPipeline.Final(lateProgress);
        Assert.That((first[PipelineStages.Features], first[PipelineStages.Score], first[PipelineStages.Dispatch]), Is.EqualTo((StageStatus.Skipped, StageStatus.Skipped, StageStatus.Completed)), "only the dispatch date changed");
        Assert.That(TestPipeline.Final(againProgress)[PipelineStages.Dispatch], Is.EqualTo(StageStatus.Skipped), "the same date again");
        // 2026Q3 ends on 2026-09-30: due 2026-11-29 by default, 2026-12-19 when dispatched on 2026-10-20.
        Assert.That(before, Does.Contain(",2026-11-29,").And.Not.Contain("2026-12-19"));
        Assert.That(after, Does.Contain(",2026-12-19,").And.Not.Contain("2026-11-29"));
        Assert.That(RunManifest.LoadOrCreate(Path.Combine(root, "runs", SampleRoot.Quarter, "manifest.json"), SampleRoot.Quarter).Find(PipelineStages.Dispatch)!.Inputs["#dispatch-date"], Is.EqualTo("2026-10-20"));
    }
}
