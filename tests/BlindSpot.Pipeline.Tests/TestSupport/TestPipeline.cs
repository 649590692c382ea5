using BlindSpot.Core.Quarters;
using BlindSpot.Pipeline.Hosting;
using BlindSpot.Pipeline.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BlindSpot.Pipeline.Tests.TestSupport;

/// <summary>The pipeline as a host builds it, with a short poll so tests do not wait on Hangfire's defaults.</summary>
internal sealed class TestPipeline : IAsyncDisposable
{
    private readonly ServiceProvider services;

    public TestPipeline(string dataRoot, string models, string? postgres = null, string? schema = null, bool? scoreShards = null, ILoggerProvider? logs = null, int? buckets = null, Action<PipelineOptions>? configure = null)
    {
        services = new ServiceCollection().AddLogging(b =>
        {
            if (logs is not null)
            {
                b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
            }
        }).AddPipeline(o =>
        {
            o.DataRoot = dataRoot;
            o.ModelsFolder = models;
            o.PostgresConnectionString = postgres;
            o.PostgresSchema = schema ?? o.PostgresSchema;
            // One scratch schema per test for Hangfire's tables and the worklist table alike (no names in common).
            o.WorklistSchema = schema ?? o.WorklistSchema;
            o.PollInterval = TimeSpan.FromMilliseconds(200);
            o.ScoreShards = scoreShards;
            o.Buckets = buckets;
            configure?.Invoke(o);
        }).BuildServiceProvider();
    }

    public QuarterRunTrigger Trigger => services.GetRequiredService<QuarterRunTrigger>();

    public Hangfire.JobStorage Storage => services.GetRequiredService<Hangfire.JobStorage>();

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    /// <summary>Triggers the quarter with a server in this process and follows it to the end.</summary>
    public async Task<(RunOutcome Outcome, List<StageProgress> Progress)> RunAsync(string quarter)
    {
        using var server = services.GetRequiredService<PipelineServer>().Start();
        var ticket = Trigger.Trigger(Quarter.Parse(quarter));
        var progress = new List<StageProgress>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var outcome = await services.GetRequiredService<RunFollower>().FollowAsync(ticket, progress.Add, timeout.Token);
        return (outcome, progress);
    }

    /// <summary>The last status each stage reached.</summary>
    public static Dictionary<string, StageStatus> Final(List<StageProgress> progress) =>
        progress.GroupBy(p => p.Stage).ToDictionary(g => g.Key, g => g.Last().Status);

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
