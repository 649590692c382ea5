using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlindSpot.Ingestion.Reporting;

/// <summary>
/// <c>quarantine/&lt;Q&gt;/ingest-report.json</c>: what the ingest run of a quarter read, kept, rejected and wrote,
/// per feed and in total, with every warning. Immutable; written atomically.
/// </summary>
public sealed record IngestReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public required string Quarter { get; init; }

    public required string CatalogVersion { get; init; }

    /// <summary>True when keys were made with the published sample key: fine for synthetic data, never for real data.</summary>
    public bool SampleKey { get; init; }

    /// <summary>True when the whole run was skipped because no input changed since the last completed run.</summary>
    public bool Skipped { get; init; }

    public required FeedReport Roster { get; init; }

    public IReadOnlyList<FeedReport> Feeds { get; init; } = [];

    /// <summary>Every warning of the run (also listed under its feed), for a reader who only reads this list.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public required IngestTotals Totals { get; init; }

    /// <summary>
    /// Accepted counts that changed against the previous quarter beyond the limits: each failed the stage, unless the
    /// operator accepted it (<c>blindspot ingest --accept-volume-change</c>), which is recorded here.
    /// </summary>
    public IReadOnlyList<VolumeChange> VolumeChanges { get; init; } = [];

    /// <summary>True when read = accepted + rejected + duplicates for the roster and every feed.</summary>
    public bool Reconciled => Roster.Reconciled && Feeds.All(f => f.Reconciled);

    /// <summary>Every report row: the roster first, then the feeds in catalog order.</summary>
    [JsonIgnore]
    public IEnumerable<FeedReport> All => Feeds.Prepend(Roster);

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(this, Json));
        File.Move(temporary, path, overwrite: true);
    }

    public static IngestReport? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<IngestReport>(stream, Json);
    }
}
