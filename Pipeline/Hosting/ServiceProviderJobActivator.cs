using Hangfire;

namespace BlindSpot.Pipeline.Hosting;

/// <summary>Lets Hangfire build job classes from the container that <see cref="PipelineServiceCollectionExtensions.AddPipeline"/> filled.</summary>
internal sealed class ServiceProviderJobActivator(IServiceProvider services) : JobActivator
{
    public override object ActivateJob(Type jobType) =>
        services.GetService(jobType) ?? throw new InvalidOperationException($"{jobType.FullName} is not registered; every job class is added by AddPipeline().");
}
