using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Ingestion;
using BlindSpot.Pipeline.Checkpoints;

namespace BlindSpot.Pipeline.Stages;

/// <summary>
/// The ingest stage as part jobs (<see cref="IngestParts"/>), for the quarter before (when delivered) and the quarter,
/// as <see cref="IngestUnits"/> ingests them: first phase, each quarter's roster part; second, one part per delivered
/// feed of each; then the reduce, each quarter's <see cref="IngestStage.FromParts"/> through its own checkpoint. Part
/// names are <c>&lt;quarter&gt;.&lt;code&gt;</c> (<c>2026Q3.gas_arrears</c>).
/// </summary>
internal sealed class IngestBuckets(FeedCatalog catalog, Pseudonymizer pseudonymizer, TimeProvider time, int? buckets) : IBucketedStage
{
    private readonly IngestParts parts = new(IngestUnits.Options(catalog, pseudonymizer, time, buckets));

    public string Name => Core.Stages.StageNames.Ingest;

    public IPipelineStage Reduce => new IngestUnits(catalog, pseudonymizer, time, buckets, fromParts: true);

    public IReadOnlyList<string> Parts(DataRoot root, Quarter quarter) => [.. Phases(root, quarter).SelectMany(p => p)];

    public IReadOnlyList<IReadOnlyList<string>> Phases(DataRoot root, Quarter quarter)
    {
        var quarters = IngestUnits.Quarters(root, quarter);
        return
        [
            [.. quarters.Select(q => PartName(q, parts.RosterPart))],
            [.. quarters.SelectMany(q => parts.FeedParts(root, q).Select(code => PartName(q, code)))],
        ];
    }

    public async Task RunPartAsync(DataRoot root, Quarter quarter, string part, CancellationToken ct)
    {
        var dot = part.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0 || !Quarter.TryParse(part[..dot], System.Globalization.CultureInfo.InvariantCulture, out var of) || (of != quarter && of != quarter.Previous))
        {
            throw new ArgumentException($"'{part}' is not an ingest part of {quarter} (<quarter>.<code>, the quarter {quarter} or {quarter.Previous}).", nameof(part));
        }

        // The part's own quarter's lock too: a run of Q-1 and this run's ingest of Q-1 must not do one part at once,
        // and the job's lock (BucketJobs) lives under the run's quarter.
        var code = part[(dot + 1)..];
        using var running = StageLock.Acquire(root, of, $"{Name}-part-{code}");
        await parts.RunPartAsync(root, of, code, ct).ConfigureAwait(false);
    }

    private static string PartName(Quarter quarter, string code) => $"{quarter}.{code}";
}
