using BlindSpot.Core.Quarters;
using BlindSpot.Pipeline.Jobs;
using BlindSpot.Pipeline.Runs;

namespace BlindSpot.Pipeline.Tests.TestSupport;

/// <summary>
/// What the worker-process tests watch in Hangfire's storage to time a kill or a SIGTERM: the bucket job a worker is running,
/// whether a stage's fan-out has recorded its success, and a polling wait.
/// </summary>
internal static class ShardProbe
{
    /// <summary>The job id of a bucket job of <paramref name="stage"/> (default score) in the Processing state, or null while none is.</summary>
    public static string? ProcessingShard(TestPipeline pipeline, Quarter quarter, string stage = PipelineStages.Score)
    {
        using var connection = pipeline.Storage.GetConnection();
        var plan = ShardPlan.FromHash(connection.GetAllEntriesFromHash(ShardPlan.HashKey(stage, quarter)));
        return plan?.Jobs.Values.FirstOrDefault(job => connection.GetStateData(job)?.Name == "Processing");
    }

    /// <summary>
    /// Whether the fan-out job of <paramref name="stage"/> (default score) has recorded its success. A SIGKILL inside that
    /// state change would leave Hangfire.PostgreSql's job state lock behind for its 10-minute lock timeout, which is not
    /// what these tests are about.
    /// </summary>
    public static bool FanOutSucceeded(TestPipeline pipeline, string stage = PipelineStages.Score) =>
        pipeline.Storage.GetMonitoringApi().SucceededJobs(0, 100).Any(j => j.Value.Job?.Method.Name == nameof(BucketJobs.FanOutAsync) && Equals(j.Value.Job.Args[0], stage));

    /// <summary>Polls <paramref name="condition"/> every 50 ms; throws <see cref="OperationCanceledException"/> after <paramref name="limit"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (!condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
