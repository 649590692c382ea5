using BlindSpot.Core.Files;
using System.Text.Json;
using BlindSpot.Ingestion.Reporting;

namespace BlindSpot.Ingestion.Parts;

/// <summary>
/// The checkpoint of one ingest part (the roster or one feed): the key it was done for (<see cref="IngestPartKey"/>) and
/// its line of the ingest report, with the hash of every bucket file it wrote. Written atomically after the part's files,
/// deleted before a part starts again, so a part cut off half-way has none. Immutable.
/// </summary>
internal sealed record IngestPartRecord(string Key, FeedReport Report)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public void Save(string path) => JsonRecordFile.Save(path, this, Json);

    /// <summary>The record at <paramref name="path"/>, or null when there is none or it cannot be read (then the part is done again).</summary>
    public static IngestPartRecord? TryLoad(string path) => JsonRecordFile.TryLoad<IngestPartRecord>(path, Json);
}
