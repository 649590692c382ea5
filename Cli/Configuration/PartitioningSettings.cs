namespace BlindSpot.Cli.Configuration;

/// <summary>Settings of the quarter's partitioning (section <c>Partitioning</c>): read by <c>ingest</c>, <c>run-quarter</c> and <c>worker</c>.</summary>
internal sealed class PartitioningSettings
{
    /// <summary>
    /// Buckets a quarter is split into by household (<c>Partitioning:Buckets</c>, env <c>BLINDSPOT_PARTITIONING__BUCKETS</c>),
    /// 1–999. Default unset: one bucket per 500,000 people of the roster. Any value gives the same features, scores and
    /// worklists; it changes the roster's and lake's files, so a quarter is re-ingested when it changes.
    /// </summary>
    public int? Buckets { get; set; }

    public void Validate()
    {
        if (Buckets is { } buckets and (< 1 or > Core.Partitioning.Buckets.Max))
        {
            throw new SettingsException($"configuration: Partitioning:Buckets must be 1–{Core.Partitioning.Buckets.Max}; it is {buckets}.");
        }
    }
}
