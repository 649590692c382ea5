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
    private static readonly string[] SharedInputs = ["#catalog", "#pseudonym-key", "#options"];

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
        var rosterPath = context.Relative(context.Root.Roster(context.Quarter));
        if (!Keep(context, record, previous.Roster, scan, rosterPath, kept))
        {
            return None;
        }

        foreach (var feed in previous.Feeds)
        {
            Keep(context, record, feed, scan, context.Relative(context.Root.LakeFeed(context.Quarter, feed.Feed)), kept);
        }

        return new ReusableOutputs(kept);
    }

    public bool TryGet(string code, out FeedReport report) => reports.TryGetValue(code, out report!);

    private static bool Keep(IngestContext context, StageRecord record, FeedReport previous, DeliveryScan scan, string output, Dictionary<string, FeedReport> kept)
    {
        if (previous.Status is not (FeedStatus.Ingested or FeedStatus.Skipped)
            || !scan.Found.TryGetValue(previous.Feed, out var delivery)
            || delivery.RelativePath != previous.File
            || delivery.Sha256 != previous.InputSha256
            || record.Outputs.GetValueOrDefault(output) is not { } hash
            || hash != previous.OutputSha256)
        {
            return false;
        }

        var path = Path.Combine(context.Root.Path, output);
        if (!File.Exists(path) || FileHash.Sha256(path) != hash)
        {
            return false;
        }

        kept[previous.Feed] = previous with { Status = FeedStatus.Skipped, DurationMs = 0 };
        return true;
    }
}
