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
    // Issue 15 item 2: a missing delivery (IngestException) was an IOException, so it waited 60 + 300 s before failing.
    [TestCase(typeof(QuarterRunJobs))]
    [TestCase(typeof(BucketJobs))]
    public void Jobs_NeverRetryDataErrors(Type jobs)
    {
        var retry = jobs.GetCustomAttribute<AutomaticRetryAttribute>()!;
        Type[] dataErrors = [typeof(Ingestion.IngestException), typeof(Ingestion.Feeds.FeedFailedException), typeof(Ingestion.Reading.DeliveryEncodingException), typeof(Core.Paths.DataRootException)];

        Assert.That(dataErrors.Where(e => retry.OnlyOn.Any(t => t.IsAssignableFrom(e))), Is.Empty);
    }
}
