using BlindSpot.Core.Runs;
using BlindSpot.Pipeline.Jobs;
using BlindSpot.Pipeline.Runs;
using Hangfire.Storage;

namespace BlindSpot.Pipeline.Tests.Runs;

public sealed class RunFollowerTests
{
    private static readonly DateTimeOffset Triggered = new(2026, 10, 1, 2, 0, 0, TimeSpan.Zero);

    // A read-only or full data root cannot take the stage's failure record: the job's own reason must still reach the terminal.
    [Test]
    public void Error_NoRecordOfThisRun_IsTheJobsReasonWithoutFilterPrefixOrType()
    {
        var state = new StateData { Name = "Deleted", Reason = $"{DeleteWhenFailedAttribute.ReasonPrefix}DataRootException: Cannot write under the data root /d: read-only file system" };
        var stale = new StageRecord { Stage = "ingest", State = StageState.Failed, StartedAt = Triggered.AddDays(-1), Error = "last week's failure" };

        Assert.That(RunFollower.Error(stale, state, Triggered), Is.EqualTo("Cannot write under the data root /d: read-only file system"));
    }

    [Test]
    public void Error_RecordedByThisRun_IsTheRecordedError()
    {
        var state = new StateData { Name = "Deleted", Reason = $"{DeleteWhenFailedAttribute.ReasonPrefix}IngestException: short" };
        var record = new StageRecord { Stage = "ingest", State = StageState.Failed, StartedAt = Triggered.AddSeconds(3), Error = "the stage's own words" };

        Assert.That(RunFollower.Error(record, state, Triggered), Is.EqualTo("the stage's own words"));
    }
}
