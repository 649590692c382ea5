using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Regions;
using BlindSpot.Core.Stages;
using BlindSpot.Dispatch.Postgres;
using BlindSpot.Dispatch.Worklists;
using BlindSpot.Testing;
using static BlindSpot.Dispatch.Tests.TestSupport.DispatchScenario;

namespace BlindSpot.Dispatch.Tests;

/// <summary>The dispatch date as an input of the dispatch stage: in its checkpoint key, and in what it stores.</summary>
public sealed class DispatchStageTests
{
    private static readonly RegionRegistry Regions = RegionRegistry.LoadDefault();
    private DataRoot root = null!;

    [SetUp]
    public void CreateRoot() => root = new DataRoot(Directory.CreateTempSubdirectory("blindspot-dispatch-stage-").FullName);

    [TearDown]
    public void DeleteRoot() => Directory.Delete(root.Path, recursive: true);

    [Test]
    public async Task Run_SameDispatchDateAgain_IsSkipped()
    {
        await CreateAsync(root);
        var checkpoint = new StageCheckpoint(TimeProvider.System);

        var first = await checkpoint.RunAsync(Stage(Quarter.LastDay.AddDays(10)), root, Quarter);
        var again = await checkpoint.RunAsync(Stage(Quarter.LastDay.AddDays(10)), root, Quarter);

        Assert.That(first.Ran, Is.True);
        Assert.That(again.Ran, Is.False, again.Reason);
        Assert.That(again.Record.Inputs["#dispatch-date"], Is.EqualTo("2026-10-10"), "the run manifest records the 배부일");
    }

    [Test]
    public async Task Run_DispatchDateChanged_DispatchesAgainWithTheNewDueDates()
    {
        await CreateAsync(root);
        var checkpoint = new StageCheckpoint(TimeProvider.System);
        await checkpoint.RunAsync(Stage(Quarter.LastDay.AddDays(10)), root, Quarter);

        var later = await checkpoint.RunAsync(Stage(Quarter.LastDay.AddDays(30)), root, Quarter);

        Assert.That(later.Ran, Is.True, later.Reason);
        Assert.That(later.Record.Inputs["#dispatch-date"], Is.EqualTo("2026-10-30"));
        Assert.That(DispatchCalendar.Read(root, Quarter)!.Due, Is.EqualTo(new DateOnly(2026, 12, 29)));
        Assert.That(File.ReadAllText(Path.Combine(root.WorklistFolder(Quarter), "11110.csv")), Does.Contain(",2026-12-29,").And.Not.Contain("2026-12-09"));
    }

    [Test]
    public async Task Run_ExplicitDateEqualToTheDefault_IsSkipped()
    {
        await CreateAsync(root);
        var checkpoint = new StageCheckpoint(TimeProvider.System);
        await checkpoint.RunAsync(Stage(null), root, Quarter);

        var explicitly = await checkpoint.RunAsync(Stage(Quarter.LastDay), root, Quarter);

        Assert.That(explicitly.Ran, Is.False, "the default rule is the quarter's last day: the same date, the same key");
    }

    [Test]
    public async Task Run_DispatchDateOutOfRange_FailsAndTheManifestNamesTheKey()
    {
        await CreateAsync(root);

        Assert.ThrowsAsync<ArgumentException>(() => new StageCheckpoint(TimeProvider.System).RunAsync(Stage(Quarter.LastDay.AddDays(-3)), root, Quarter));

        var record = Core.Runs.RunManifest.Load(root, Quarter).Find(StageNames.Dispatch);
        Assert.That(record?.State, Is.EqualTo(Core.Runs.StageState.Failed));
        Assert.That(record?.Error, Does.Contain("DispatchDate must be 2026-09-30–2026-12-31"));
    }

    [Test]
    [Category("Integration")]
    public async Task Run_IntoPostgres_LateDispatchDate_StoredEntriesDueFromIt()
    {
        await CreateAsync(root);
        await using var database = await PostgresTestDatabase.CreateAsync();
        var store = new PostgresWorklistStore(database.DataSource, new PostgresOptions { ConnectionString = database.ConnectionString, Schema = database.Schema });
        var stage = new DispatchStage(Catalog, Regions, Options(Quarter.LastDay.AddDays(21)), Keys, store);

        await new StageCheckpoint(TimeProvider.System).RunAsync(stage, root, Quarter);

        var entries = await store.ReadEntriesAsync(Quarter, "11110", CancellationToken.None);
        Assert.That(entries, Is.Not.Empty);
        Assert.That(entries.Select(e => e.OutcomeDue), Has.All.EqualTo(new DateOnly(2026, 12, 20)));
    }

    private DispatchStage Stage(DateOnly? dispatchDate) => new(Catalog, Regions, Options(dispatchDate), Keys, new FileWorklistStore(root));

    private static DispatchOptions Options(DateOnly? dispatchDate) => new()
    {
        DispatchDate = dispatchDate,
        Quotas = new()
        {
            [Variant.Household] = new VariantQuota { Count = 10, ScaleWithRoster = false },
            [Variant.Child] = new VariantQuota { Count = 3, ScaleWithRoster = false },
            [Variant.LonelyDeath] = new VariantQuota { Count = 3, ScaleWithRoster = false },
        },
    };
}
