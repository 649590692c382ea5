using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Regions;
using BlindSpot.Dispatch;
using BlindSpot.Dispatch.Postgres;
using BlindSpot.Dispatch.Worklists;
using Npgsql;
using DispatchStage = BlindSpot.Dispatch.DispatchStage;

namespace BlindSpot.Pipeline.Stages;

/// <summary>
/// The dispatch stage into the file worklist store (every 시군구 gets its pair, empty ones included) and, when the
/// pipeline has PostgreSQL, also into its <c>worklist_entries</c> table (schema <see cref="PipelineOptions.WorklistSchema"/>).
/// The store is part of the stage's key, so turning PostgreSQL on dispatches again and fills the table.
/// </summary>
internal sealed class DispatchUnits : IPipelineStage, IDisposable
{
    private readonly DispatchStage stage;
    private readonly NpgsqlDataSource? dataSource;

    public DispatchUnits(FeedCatalog catalog, Pseudonymizer pseudonymizer, PipelineOptions options)
        : this(catalog, pseudonymizer, options, fromParts: false)
    {
    }

    /// <summary>With <paramref name="fromParts"/>, the reduce of the dispatch bucket jobs (<see cref="DispatchBuckets"/>).</summary>
    public DispatchUnits(FeedCatalog catalog, Pseudonymizer pseudonymizer, PipelineOptions options, bool fromParts)
    {
        var regions = RegionRegistry.LoadDefault();
        var files = new FileWorklistStore(new DataRoot(options.DataRoot), [.. regions.Sigungu.Select(s => s.Code)]);
        IWorklistStore store = files;
        if (options.PostgresConnectionString is { Length: > 0 } connection)
        {
            var postgres = new PostgresOptions { ConnectionString = connection, Schema = options.WorklistSchema };
            postgres.Validate();
            dataSource = NpgsqlDataSource.Create(connection);
            store = new CombinedWorklistStore([files, new PostgresWorklistStore(dataSource, postgres)]);
        }

        stage = new DispatchStage(catalog, regions, options.Dispatch, pseudonymizer, store) { FromParts = fromParts };
    }

    public string Name => stage.Name;

    /// <summary>The stage these units run (its bucket jobs' parts go through it).</summary>
    public DispatchStage Stage => stage;

    public IReadOnlyList<StageUnit> Units(DataRoot root, Quarter quarter) => [new StageUnit(stage, quarter)];

    public void Dispose() => dataSource?.Dispose();
}
