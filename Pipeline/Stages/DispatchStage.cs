using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Regions;
using BlindSpot.Core.Runs;
using BlindSpot.Dispatch;
using BlindSpot.Dispatch.Postgres;
using BlindSpot.Dispatch.Worklists;
using BlindSpot.Ingestion;
using Npgsql;

namespace BlindSpot.Pipeline.Stages;

/// <summary>
/// The dispatch stage, into the file worklist store and, when the pipeline has PostgreSQL, also into its
/// <c>worklist_entries</c> table (schema <see cref="PipelineOptions.WorklistSchema"/>). Its library records no inputs or
/// outputs, so this stage supplies both: the key is the scores, roster, lake (as ingest recorded it), identity vault,
/// recent labels and earlier registers, and where the worklists go.
/// </summary>
internal sealed class DispatchStage(FeedCatalog catalog, Pseudonymizer pseudonymizer, PipelineOptions options, TimeProvider time) : IQuarterStage
{
    private static readonly DispatchOptions Defaults = new();

    public string Name => Dispatcher.StageName;

    public async Task<IReadOnlyDictionary<string, string>?> InputsAsync(DataRoot root, Quarter quarter, CancellationToken ct)
    {
        var files = new StageFiles(root);
        foreach (var variant in VariantNames.All)
        {
            await files.AddAsync(root.Scores(quarter, variant), ct).ConfigureAwait(false);
        }

        await files.AddAsync(root.IdentityVault(quarter), ct).ConfigureAwait(false);
        for (var k = 1; k <= Math.Max(Defaults.NotEligibleLookbackQuarters, Defaults.HistoryQuarters); k++)
        {
            await files.AddAsync(root.Labels(quarter.AddQuarters(-k)), ct).ConfigureAwait(false);
            await files.AddAsync(root.PastDispatches(quarter.AddQuarters(-k)), ct).ConfigureAwait(false);
        }

        // Reasons quote the lake; ingest already hashed the roster and every lake file, so its record stands for them.
        var ingest = RunManifest.LoadOrCreate(root.RunManifest(quarter), quarter.ToString()).Find(IngestJob.StageName);
        foreach (var (path, hash) in ingest?.Outputs ?? new Dictionary<string, string>())
        {
            files.Add(path, hash);
        }

        files.Add("#catalog", catalog.Version);
        if (options.PostgresConnectionString is { Length: > 0 })
        {
            // Turning PostgreSQL on (or moving the schema) dispatches again, so the table is filled.
            files.Add("#worklists-postgres", options.WorklistSchema);
        }

        return files.Hashes;
    }

    public async Task RunAsync(DataRoot root, Quarter quarter, IReadOnlyDictionary<string, string>? inputs, CancellationToken ct)
    {
        var regions = RegionRegistry.LoadDefault();
        var dispatcher = new Dispatcher(catalog, regions, new DispatchOptions(), pseudonymizer, time);
        // Every 시군구 gets its worklist files, empty ones included (issue 15).
        var files = new FileWorklistStore(root, [.. regions.Sigungu.Select(s => s.Code)]);
        if (options.PostgresConnectionString is not { Length: > 0 } connection)
        {
            await dispatcher.DispatchAsync(root, quarter, files, ct).ConfigureAwait(false);
            return;
        }

        var postgres = new PostgresOptions { ConnectionString = connection, Schema = options.WorklistSchema };
        postgres.Validate();
        await using var dataSource = NpgsqlDataSource.Create(connection);
        await dispatcher.DispatchAsync(root, quarter, new CombinedWorklistStore([files, new PostgresWorklistStore(dataSource, postgres)]), ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, string>> OutputsAsync(DataRoot root, Quarter quarter, CancellationToken ct)
    {
        var files = new StageFiles(root);
        await files.AddFolderAsync(root.WorklistFolder(quarter), "*", ct).ConfigureAwait(false);
        await files.AddAsync(root.DispatchSummary(quarter), ct).ConfigureAwait(false);
        await files.AddAsync(root.PastDispatches(quarter), ct).ConfigureAwait(false);
        return files.Hashes;
    }
}
