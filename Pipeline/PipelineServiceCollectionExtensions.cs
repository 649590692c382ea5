using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Regions;
using BlindSpot.Dispatch;
using BlindSpot.Dispatch.Discovery;
using BlindSpot.Features;
using BlindSpot.Pipeline.Checkpoints;
using BlindSpot.Pipeline.Hosting;
using BlindSpot.Pipeline.Jobs;
using BlindSpot.Pipeline.Runs;
using BlindSpot.Pipeline.Stages;
using BlindSpot.Scoring.Batch;
using BlindSpot.Scoring.Registry;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace BlindSpot.Pipeline;

/// <summary>Registration of the quarterly pipeline.</summary>
public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the pipeline: validated <see cref="PipelineOptions"/>, the job storage they choose (created once, here), the
    /// stage wrappers, the Hangfire job classes, <see cref="QuarterRunTrigger"/>, <see cref="RunFollower"/> and
    /// <see cref="PipelineServer"/>. Uses the registered <see cref="TimeProvider"/>, or the system clock when none is, and
    /// the host's logging (<c>AddLogging</c>; without providers the stages' log lines go nowhere).
    /// </summary>
    public static IServiceCollection AddPipeline(this IServiceCollection services, Action<PipelineOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new PipelineOptions();
        configure(options);
        return services.AddPipeline(options);
    }

    /// <summary>Adds the pipeline with <paramref name="options"/> as a host bound them from its configuration (validated here).</summary>
    public static IServiceCollection AddPipeline(this IServiceCollection services, PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddSingleton(options);
        services.AddSingleton(_ => PipelineStorage.Create(options));
        services.AddSingleton<IBackgroundJobClient>(sp => new BackgroundJobClient(sp.GetRequiredService<JobStorage>()));
        services.AddSingleton<IRecurringJobManager>(sp => new RecurringJobManager(sp.GetRequiredService<JobStorage>()));
        services.AddSingleton(_ => FeedCatalog.LoadDefault());
        // Read once at start: the key must not change in the middle of a run. A host that registered the key from its
        // configuration keeps it; otherwise it comes from the environment.
        services.TryAddSingleton(_ => Pseudonymizer.FromEnvironment(options.AllowSamplePseudonymKey));

        // The chain's stages: each a stage library's IQuarterStage (or two units of one), run through the one checkpoint.
        services.AddSingleton<IPipelineStage>(sp => new IngestUnits(sp.GetRequiredService<FeedCatalog>(), sp.GetRequiredService<Pseudonymizer>(), sp.GetRequiredService<TimeProvider>(), options.Buckets));
        services.AddSingleton<IPipelineStage>(sp => new PipelineStage(new FeaturesStage(sp.GetRequiredService<FeedCatalog>(), new FeatureOptions())));
        services.AddSingleton<IPipelineStage>(sp => new PipelineStage(new ScoreStage(new ModelRegistry(options.ResolvedModelsFolder), new ScoreOptions(), sp.GetRequiredService<TimeProvider>())));
        services.AddSingleton<IPipelineStage, DispatchUnits>();
        services.AddSingleton<IPipelineStage>(sp => new PipelineStage(new DiscoveryIndexStage(sp.GetRequiredService<FeedCatalog>(), RegionRegistry.LoadDefault(), new DispatchOptions(), sp.GetRequiredService<Pseudonymizer>())));
        services.AddSingleton<IPipelineStage>(new PipelineStage(new ReportStage()));
        services.AddSingleton<StageRunner>();
        // The stages that also run as part jobs and a reduce (BucketJobs), when the run splits them.
        services.AddSingleton<IBucketedStage>(sp => new IngestBuckets(sp.GetRequiredService<FeedCatalog>(), sp.GetRequiredService<Pseudonymizer>(), sp.GetRequiredService<TimeProvider>(), options.Buckets));
        services.AddSingleton<IBucketedStage>(sp => new FeaturesBuckets(sp.GetRequiredService<FeedCatalog>()));
        services.AddSingleton<IBucketedStage>(sp => new ScoreBuckets(options, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IBucketedStage>(sp => new DispatchBuckets(sp.GetRequiredService<FeedCatalog>(), sp.GetRequiredService<Pseudonymizer>(), options));

        services.AddTransient(sp => new QuarterRunJobs(sp.GetRequiredService<StageRunner>(), sp.GetRequiredService<ILogger<QuarterRunJobs>>()));
        // A test hook (crash tests hold a shard in flight): none unless the worker's test parent set its variable.
        services.TryAddSingleton(_ => ShardFaultHold.FromEnvironment());
        services.AddTransient(sp => new BucketJobs(
            sp.GetRequiredService<StageRunner>(), sp.GetServices<IBucketedStage>(), sp.GetRequiredService<JobStorage>(), sp.GetRequiredService<IBackgroundJobClient>(), options, sp.GetRequiredService<ILogger<BucketJobs>>(),
            sp.GetRequiredService<ShardFaultHold>()));
        services.AddTransient(sp => new QuarterlyTriggerJob(sp.GetRequiredService<QuarterRunTrigger>(), options, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<QuarterRunTrigger>();
        services.AddSingleton<RunFollower>();
        services.AddSingleton(sp => new PipelineServer(sp.GetRequiredService<JobStorage>(), options, sp));
        return services;
    }
}
