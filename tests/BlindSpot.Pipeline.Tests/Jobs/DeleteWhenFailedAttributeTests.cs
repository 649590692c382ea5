using System.Reflection;
using BlindSpot.Pipeline.Jobs;
using Hangfire;

namespace BlindSpot.Pipeline.Tests.Jobs;

public sealed class DeleteWhenFailedAttributeTests
{
    // Hangfire runs elect-state filters by Order: if this one came first it would delete a transient failure before
    // AutomaticRetry could schedule its retry.
    [Test]
    public void Order_IsAfterAutomaticRetry() =>
        Assert.That(new DeleteWhenFailedAttribute().Order, Is.GreaterThan(new AutomaticRetryAttribute().Order));

    [Test]
    public void QuarterRunJobs_RetriesOnlyTransientFailuresAndThenDeletes()
    {
        var retry = typeof(QuarterRunJobs).GetCustomAttribute<AutomaticRetryAttribute>()!;

        Assert.Multiple(() =>
        {
            Assert.That(retry.Attempts, Is.InRange(1, 3), "bounded: a stage runs at most a few times");
            Assert.That(retry.OnlyOn, Does.Contain(typeof(IOException)).And.Not.Contain(typeof(InvalidDataException)));
            Assert.That(retry.OnAttemptsExceeded, Is.EqualTo(AttemptsExceededAction.Delete));
            Assert.That(typeof(QuarterRunJobs).GetCustomAttribute<DeleteWhenFailedAttribute>(), Is.Not.Null);
        });
    }
}
