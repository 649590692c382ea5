using BlindSpot.Pipeline.Hosting;
using BlindSpot.Testing;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace BlindSpot.Pipeline.Tests.Hosting;

/// <summary>
/// How Hangfire.PostgreSql treats a job that runs longer than its invisibility timeout, with two servers polling one
/// queue: with the fixed timeout another server fetches the still-running job again; with the sliding timeout the pipeline
/// configures, a live worker keeps it invisible and it runs once. The timeout is 2 s here (5 min in the pipeline) so the
/// job only needs to run for 8 s.
/// </summary>
[Category("Integration")]
[NonParallelizable]
public sealed class PipelineStorageTests
{
    private const string Queue = "slow";

    [Test]
    public async Task PostgresStorage_JobLongerThanInvisibilityTimeout_RunsOnce()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var options = new PipelineOptions { PostgresConnectionString = database.ConnectionString, PostgresSchema = database.Schema, InvisibilityTimeout = TimeSpan.FromSeconds(2), PollInterval = TimeSpan.FromMilliseconds(200) };

        var starts = await RunSlowJobOnTwoServersAsync(PipelineStorage.Create(options), "sliding", untilStarts: 2);

        Assert.That(starts, Is.EqualTo(1));
    }

    [Test]
    public async Task PostgresStorage_FixedInvisibilityTimeout_RunsLongJobAgain()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var postgres = new PostgreSqlStorageOptions { SchemaName = database.Schema, InvisibilityTimeout = TimeSpan.FromSeconds(2), QueuePollInterval = TimeSpan.FromMilliseconds(200), UseSlidingInvisibilityTimeout = false };

        // Superseded runs may keep the job from ever settling, so this waits only for the second start.
        var starts = await RunSlowJobOnTwoServersAsync(new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, postgres), postgres), "fixed", untilStarts: 2);

        Assert.That(starts, Is.GreaterThan(1), "the pitfall the sliding timeout avoids: a second server took the running job");
    }

    /// <summary>Starts counting once the job finished, or as soon as it has been started <paramref name="untilStarts"/> times.</summary>
    private static async Task<int> RunSlowJobOnTwoServersAsync(JobStorage storage, string key, int untilStarts)
    {
        var servers = Enumerable.Range(1, 2).Select(i => new BackgroundJobServer(
            new BackgroundJobServerOptions { ServerName = $"{key}-{i}", Queues = [Queue], WorkerCount = 1, ShutdownTimeout = TimeSpan.FromSeconds(2) }, storage)).ToList();
        try
        {
            var id = new BackgroundJobClient(storage).Enqueue<SlowJob>(Queue, j => j.RunAsync(key, 8, CancellationToken.None));
            using var connection = storage.GetConnection();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (connection.GetStateData(id)?.Name is not ("Succeeded" or "Failed" or "Deleted") && SlowJob.Starts.GetValueOrDefault(key) < untilStarts)
            {
                await Task.Delay(200, timeout.Token);
            }

            return SlowJob.Starts.GetValueOrDefault(key);
        }
        finally
        {
            servers.ForEach(s => s.SendStop());
            servers.ForEach(s => s.Dispose());
        }
    }
}
