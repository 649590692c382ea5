namespace BlindSpot.Cli.Configuration;

/// <summary>Settings of <c>blindspot worker</c> (section <c>Worker</c>); the pipeline's own are section <c>Pipeline</c>.</summary>
internal sealed class WorkerSettings
{
    /// <summary>Queues to take jobs from (<c>--queues</c>). Default empty: the pipeline's queue and its shards queue.</summary>
    public IList<string> Queues { get; init; } = [];

    /// <summary>
    /// Where the worker serves <c>/healthz</c>, <c>/readyz</c> (and <c>/metrics</c> when enabled), e.g.
    /// <c>http://127.0.0.1:5081</c> (<c>--health-urls</c>). Default null: no HTTP endpoint at all.
    /// </summary>
    public string? HealthUrls { get; set; }

    public void Validate()
    {
        if (HealthUrls is { Length: > 0 } urls && !urls.Split(';', StringSplitOptions.RemoveEmptyEntries).All(u => Uri.TryCreate(u.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            throw new SettingsException($"configuration: Worker:HealthUrls must be http(s) URLs separated by ';'; it is '{urls}'.");
        }
    }
}
