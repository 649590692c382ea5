using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Ingestion.Parts;

/// <summary>
/// Where the ingest parts keep their checkpoints: <c>runs/&lt;Q&gt;/ingest-parts/</c>, beside the run manifest, as they are
/// bookkeeping like it (no stage reads them as data, and a stage's outputs never include them): one
/// <c>&lt;feed&gt;.json</c> per part (<see cref="IngestPartRecord"/>) and the delivery scan the roster part took
/// (<see cref="DeliveryScanRecord"/>), which the feed parts and the reduce read instead of hashing every delivery again.
/// </summary>
internal static class IngestPartFiles
{
    /// <summary>The scan's file name; starts with '_' so it never clashes with a feed's code.</summary>
    public const string ScanFileName = "_deliveries.json";

    public static string Folder(DataRoot root, Quarter quarter) => Path.Combine(Path.GetDirectoryName(root.RunManifest(quarter))!, "ingest-parts");

    /// <summary>The record of the part of <paramref name="code"/> (the roster's or a feed's).</summary>
    public static string Record(DataRoot root, Quarter quarter, string code) => Path.Combine(Folder(root, quarter), code + ".json");

    public static string Scan(DataRoot root, Quarter quarter) => Path.Combine(Folder(root, quarter), ScanFileName);
}
