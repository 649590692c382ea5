using BlindSpot.Core.Hashing;
using BlindSpot.Core.Runs;
using BlindSpot.Ingestion.Deliveries;
using BlindSpot.Ingestion.Reporting;

namespace BlindSpot.Ingestion;

/// <summary>
/// What the quarter's previous ingest run left that this run can keep: the roster and every feed whose delivery is
/// byte-for-byte the one read then, whose output file still has the hash recorded then, under the same catalog and
/// pseudonym key and options. Feeds are kept only while the roster is (their unknown-key counts depend on it). Immutable.
/// </summary>
internal sealed class ReusableOutputs
{
    private static readonly string[] SharedInputs = ["#catalog", "#pseudonym-key", "#options", "#buckets"];

    private readonly Dictionary<string, FeedReport> reports;

    private ReusableOutputs(Dictionary<string, FeedReport> reports)
    {
        this.reports = reports;
    }

    public static ReusableOutputs None { get; } = new([]);

    /// <summary>Feed (or roster) code → its previous report, for each output that can be kept.</summary>
    public static ReusableOutputs Find(IngestContext context, StageRecord? record, IngestReport? previous, IReadOnlyDictionary<string, string> inputs, DeliveryScan scan)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(scan);
        if (record is null || previous is null || SharedInputs.Any(k => record.Inputs.GetValueOrDefault(k) != inputs.GetValueOrDefault(k)))
        {
            return None;
        }

        var kept = new Dictionary<string, FeedReport>(StringComparer.Ordinal);
        if (!Keep(context, record, previous.Roster, scan, kept))
        {
            return None;
        }

        foreach (var feed in previous.Feeds)
        {
            Keep(context, record, feed, scan, kept);
        }

        return new ReusableOutputs(kept);
    }

    public bool TryGet(string code, out FeedReport report) => reports.TryGetValue(code, out report!);

    // Kept when every bucket file recorded for it is still there with its recorded hash.
    private static bool Keep(IngestContext context, StageRecord record, FeedReport previous, DeliveryScan scan, Dictionary<string, FeedReport> kept)
    {
        if (previous.Status is not (FeedStatus.Ingested or FeedStatus.Skipped)
            || !scan.Found.TryGetValue(previous.Feed, out var delivery)
            || delivery.RelativePath != previous.File
            || delivery.Sha256 != previous.InputSha256
            || previous.Buckets.Count == 0)
        {
            return false;
        }

        foreach (var bucket in previous.Buckets)
        {
            var path = IngestWork.OutputPath(context, previous.Feed, bucket.Bucket);
            if (record.Outputs.GetValueOrDefault(context.Relative(path)) != bucket.Sha256 || !File.Exists(path) || FileHash.Sha256(path) != bucket.Sha256)
            {
                return false;
            }
        }

        kept[previous.Feed] = previous with { Status = FeedStatus.Skipped, DurationMs = 0 };
        return true;
    }
}
