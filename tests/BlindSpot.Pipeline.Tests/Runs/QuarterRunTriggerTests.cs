using System.Globalization;
using BlindSpot.Core.Quarters;
using BlindSpot.Pipeline.Runs;
using BlindSpot.Pipeline.Tests.TestSupport;
using Hangfire;

namespace BlindSpot.Pipeline.Tests.Runs;

/// <summary>Triggering a run: the chain it enqueues and the one-active-run-per-quarter rule. No server runs here, so jobs stay queued.</summary>
public sealed class QuarterRunTriggerTests
{
    private string root = "";

    [SetUp]
    public void CreateRoot() => root = Directory.CreateTempSubdirectory("blindspot-trigger-").FullName;

    [TearDown]
    public void DeleteRoot() => Directory.Delete(root, recursive: true);

    [Test]
    public async Task Trigger_WhileQuarterRunIsActive_IsRefusedWithClearMessage()
    {
        await using var pipeline = new TestPipeline(root, root);
        var first = pipeline.Trigger.Trigger(Quarter.Parse("2026Q3"));

        var refused = Assert.Throws<RunAlreadyActiveException>(() => pipeline.Trigger.Trigger(Quarter.Parse("2026Q3")));

        Assert.That(refused!.Message, Does.Contain($"A run of 2026Q3 is already under way (run {first.RunId}, stage ingest enqueued"));
        Assert.That(pipeline.Trigger.Latest(Quarter.Parse("2026Q3"))!.RunId, Is.EqualTo(first.RunId), "the refused trigger enqueued nothing");
    }

    [Test]
    public async Task Trigger_OtherQuarterWhileOneIsActive_IsAccepted()
    {
        await using var pipeline = new TestPipeline(root, root);
        pipeline.Trigger.Trigger(Quarter.Parse("2026Q3"));

        Assert.DoesNotThrow(() => pipeline.Trigger.Trigger(Quarter.Parse("2026Q2")));
    }

    [Test]
    public async Task Trigger_ChainsLaterStagesOnlyOnSucceededParent()
    {
        await using var pipeline = new TestPipeline(root, root);

        var ticket = pipeline.Trigger.Trigger(Quarter.Parse("2026Q3"));

        using var connection = pipeline.Storage.GetConnection();
        Assert.That(ticket.Jobs.Keys, Is.EqualTo(PipelineStages.Order));
        foreach (var (parent, child) in PipelineStages.Order.Zip(PipelineStages.Order.Skip(1)))
        {
            var state = connection.GetStateData(ticket.Jobs[child]);
            Assert.That(state.Name, Is.EqualTo("Awaiting"));
            Assert.That(state.Data["ParentId"], Is.EqualTo(ticket.Jobs[parent]));
            Assert.That(state.Data["Options"], Is.AnyOf(nameof(JobContinuationOptions.OnlyOnSucceededState), ((int)JobContinuationOptions.OnlyOnSucceededState).ToString(CultureInfo.InvariantCulture)));
        }
    }

    [Test]
    public async Task Register_RecurringRun_RunsAt0200SeoulOnQuarterStartsOnTheQueue()
    {
        await using var pipeline = new TestPipeline(root, root);

        QuarterlySchedule.Register(pipeline.Get<IRecurringJobManager>(), pipeline.Get<PipelineOptions>());

        using var connection = pipeline.Storage.GetConnection();
        var job = connection.GetAllEntriesFromHash($"recurring-job:{QuarterlySchedule.RecurringJobId}");
        Assert.That(job["Cron"], Is.EqualTo("0 2 1 1,4,7,10 *"));
        Assert.That(job["TimeZoneId"], Is.EqualTo("Asia/Seoul"));
        var next = TimeZoneInfo.ConvertTime(DateTimeOffset.Parse(job["NextExecution"], CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul"));
        Assert.Multiple(() =>
        {
            // The queue-aware overload stores the queue on the job itself, so a retry stays on it (Hangfire #2068).
            Assert.That(job["Job"], Does.Contain("\"Queue\":\"quarter\""));
            Assert.That((next.Month, next.Day, next.Hour, next.Minute), Is.EqualTo((next.Month, 1, 2, 0)));
            Assert.That(next.Month, Is.AnyOf(1, 4, 7, 10));
        });
    }
}
