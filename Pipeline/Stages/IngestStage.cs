using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Ingestion;
using BlindSpot.Pipeline.Checkpoints;

namespace BlindSpot.Pipeline.Stages;

/// <summary>
/// Ingest of the quarter, and first of the quarter before whenever its deliveries are there (the features stage compares
/// the two for change features). The quarter before is a checkpointed input like any other: <see cref="IngestJob"/>
/// skips it only when its own run manifest records a completed ingest of exactly these deliveries whose outputs still
/// have the recorded hashes, so a Q-1 killed mid-ingest is redone (to the same bytes) and an invalid Q-1 fails this run
/// every time, not only the first. Its accepted counts are also the baseline of this quarter's volume checks.
/// </summary>
internal sealed class IngestStage(FeedCatalog catalog, Pseudonymizer pseudonymizer, TimeProvider time) : IQuarterStage
{
    public string Name => IngestJob.StageName;

    public Task<IReadOnlyDictionary<string, string>?> InputsAsync(DataRoot root, Quarter quarter, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, string>?>(null);

    public async Task RunAsync(DataRoot root, Quarter quarter, IReadOnlyDictionary<string, string>? inputs, CancellationToken ct)
    {
        var previous = quarter.Previous;
        if (Directory.Exists(root.RawFolder(previous)))
        {
            // The quarter before has a run manifest of its own: hold its ingest lock too, so a run of that quarter cannot
            // ingest it (and write that manifest) at the same time.
            using var previousLock = StageLock.Acquire(root, previous, Name);
            await IngestAsync(root, previous, ct).ConfigureAwait(false);
        }

        await IngestAsync(root, quarter, ct).ConfigureAwait(false);
    }

    public Task<IReadOnlyDictionary<string, string>> OutputsAsync(DataRoot root, Quarter quarter, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

    private Task IngestAsync(DataRoot root, Quarter quarter, CancellationToken ct) => new IngestJob(new IngestOptions
    {
        Quarter = quarter,
        DataRoot = root.Path,
        Catalog = catalog,
        Pseudonymizer = pseudonymizer,
        Time = time,
    }).RunAsync(ct);
}
