using System.Text.Json.Serialization;

namespace BlindSpot.Ingestion.Reporting;

/// <summary>What happened to one feed in an ingest run, as an analyst reads the report.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FeedStatus>))]
public enum FeedStatus
{
    /// <summary>Read, validated and written to the lake; every row is accounted for.</summary>
    Ingested,

    /// <summary>Unchanged since the last completed run (same input hash); the lake file from then stands.</summary>
    Skipped,

    /// <summary>No delivery found: a warning for an optional feed, a stage failure for a required one.</summary>
    Missing,

    /// <summary>The delivery could not be ingested as a whole; see the error. Nothing of it is in the lake.</summary>
    Failed,

    /// <summary>Delivered but not read: the stage stopped before reading anything because required deliveries are missing.</summary>
    NotRead,
}
