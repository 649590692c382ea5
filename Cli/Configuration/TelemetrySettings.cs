namespace BlindSpot.Cli.Configuration;

/// <summary>Metrics and traces of the pipeline verbs, the worker and the portal (section <c>Telemetry</c>).</summary>
internal sealed class TelemetrySettings
{
    /// <summary>
    /// Where spans and metrics go: <c>none</c> (default; nothing is collected), <c>console</c> (stderr, for a look on a
    /// terminal) or <c>otlp</c> (an OpenTelemetry collector at <see cref="OtlpEndpoint"/>).
    /// </summary>
    public string Exporter { get; set; } = "none";

    /// <summary>The collector for <c>otlp</c>, e.g. http://127.0.0.1:4317. Default null: the exporter's own (OTEL_EXPORTER_OTLP_ENDPOINT, else localhost:4317).</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>
    /// Serve <c>/metrics</c> in Prometheus' text format on the portal and on the worker's health endpoint. Default false.
    /// Answered only to loopback connections that did not come through the reverse proxy (no X-Forwarded-For).
    /// </summary>
    public bool Prometheus { get; set; }

    /// <summary>Whether anything is collected at all.</summary>
    public bool Enabled => Exporter != "none" || Prometheus;

    public void Validate()
    {
        if (Exporter is not ("none" or "console" or "otlp"))
        {
            throw new SettingsException($"configuration: Telemetry:Exporter must be none, console or otlp; it is '{Exporter}'.");
        }

        if (OtlpEndpoint is { Length: > 0 } endpoint && !Uri.TryCreate(endpoint, UriKind.Absolute, out _))
        {
            throw new SettingsException($"configuration: Telemetry:OtlpEndpoint must be an absolute URL; it is '{endpoint}'.");
        }
    }
}
