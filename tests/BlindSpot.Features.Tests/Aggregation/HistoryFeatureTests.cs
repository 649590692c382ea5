using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Features.Schema;
using BlindSpot.Features.Tests.TestSupport;
using BlindSpot.Testing;
using static BlindSpot.Features.Tests.TestSupport.SmallQuarter;

namespace BlindSpot.Features.Tests.Aggregation;

/// <summary>
/// History features on a tiny lake of four quarters (2025Q4, 2026Q1 missing, 2026Q2, 2026Q3), every value computed by
/// hand. Telecom arrears of the parent: 2026Q3 (3 and 5 months), 2026Q2 (3 months), 2025Q4 (9 months). Card arrears of
/// the young man: 2026Q2 only. Electricity-use change of household C: 2026Q3 −60 %, 2025Q4 −40 % and +10 %.
/// </summary>
public sealed class HistoryFeatureTests
{
    private static readonly FeedCatalog Catalog = FeedCatalog.LoadDefault().WithHistoryFeatures(true);
    private DataRoot root = null!;

    [SetUp]
    public void CreateRoot() => root = new DataRoot(Directory.CreateTempSubdirectory("blindspot-history-").FullName);

    [TearDown]
    public void DeleteRoot() => Directory.Delete(root.Path, recursive: true);

    [Test]
    public async Task Build_FourQuartersWithOneMissing_GivesHandComputedWindows()
    {
        await WriteWindowAsync();

        var table = await BuildAndReadAsync();

        Assert.Multiple(() =>
        {
            // Telecom bits: this quarter, 1 back, 3 back → 3 quarters; last two 2, two before 1 → trend +1; streak 2.
            Assert.That(table.Feature(Parent, "telecom_arrears_quarters_4q"), Is.EqualTo(3f));
            Assert.That(table.Feature(Parent, "telecom_arrears_trend_4q"), Is.EqualTo(1f));
            Assert.That(table.Feature(Parent, "telecom_arrears_streak"), Is.EqualTo(2f));
            Assert.That(table.Feature(Parent, "telecom_arrears_max_months_4q"), Is.EqualTo(9f), "2025Q4's 9 months");
            Assert.That(table.Feature(Child, "telecom_arrears_quarters_4q"), Is.EqualTo(0f), "a person feed stays with its person");
            // Card: only 1 back → 1 quarter, trend +1, no streak (none this quarter).
            Assert.That(table.Feature(Young, "card_arrears_quarters_4q"), Is.EqualTo(1f));
            Assert.That(table.Feature(Young, "card_arrears_trend_4q"), Is.EqualTo(1f));
            Assert.That(table.Feature(Young, "card_arrears_streak"), Is.EqualTo(0f));
        });
    }

    [Test]
    public async Task Build_ElectricityUseChange_SumsAndMinimisesOverTheWindow()
    {
        await WriteWindowAsync();

        var table = await BuildAndReadAsync();

        Assert.Multiple(() =>
        {
            Assert.That(table.Feature(Young, "electricity_use_change_sum_measure_4q"), Is.EqualTo(-90f).Within(1e-4), "−60 − 40 + 10");
            Assert.That(table.Feature(Young, "electricity_use_change_min_measure_4q"), Is.EqualTo(-60f).Within(1e-4));
            Assert.That(table.Feature(Young, "electricity_use_change_quarters_4q"), Is.EqualTo(2f));
            Assert.That(table.Feature(Young, "electricity_use_change_trend_4q"), Is.EqualTo(0f), "one in the last two, one in the two before");
            Assert.That(table.Feature(Young, "electricity_use_change_streak"), Is.EqualTo(1f));
            Assert.That(table.Feature(Elder, "electricity_use_change_quarters_4q"), Is.EqualTo(0f), "household B has no record");
        });
    }

    [Test]
    public async Task Build_MissingEarlierQuarter_IsCountedAndPersistentFeedsCounted()
    {
        await WriteWindowAsync();

        var table = await BuildAndReadAsync();

        Assert.Multiple(() =>
        {
            Assert.That(table.Column(FeatureNames.EarlierQuarters), Has.All.EqualTo(2f), "2026Q2 and 2025Q4 found, 2026Q1 missing");
            Assert.That(table.Feature(Parent, FeatureNames.PersistentFeeds), Is.EqualTo(1f), "telecom in 3 of 4");
            Assert.That(table.Feature(Child, FeatureNames.PersistentFeeds), Is.EqualTo(0f), "health insurance only this quarter");
            Assert.That(table.Feature(Young, FeatureNames.PersistentFeeds), Is.EqualTo(0f), "electricity 2 of 4, card 1 of 4");
        });
    }

    [Test]
    public async Task Build_NoEarlierQuarter_WindowIsThisQuarterOnly()
    {
        await WriteCurrentAsync(root, Catalog);

        var table = await BuildAndReadAsync();

        Assert.Multiple(() =>
        {
            Assert.That(table.Column(FeatureNames.EarlierQuarters), Has.All.EqualTo(0f));
            Assert.That(table.Feature(Parent, "telecom_arrears_quarters_4q"), Is.EqualTo(1f));
            Assert.That(table.Feature(Parent, "telecom_arrears_trend_4q"), Is.EqualTo(1f));
            Assert.That(table.Feature(Parent, "telecom_arrears_streak"), Is.EqualTo(1f));
            Assert.That(table.Feature(Parent, "telecom_arrears_max_months_4q"), Is.EqualTo(5f), "this quarter's largest");
        });
    }

    [Test]
    public void Schema_HistoryOff_HasNoHistoryColumns()
    {
        var off = FeatureSchema.For(Catalog.WithHistoryFeatures(false));
        var on = FeatureSchema.For(Catalog);

        Assert.Multiple(() =>
        {
            Assert.That(off.Columns.Where(c => c.Kind == FeatureKind.History), Is.Empty);
            Assert.That(on.Columns.Take(off.Columns.Count).Select(c => c.Name), Is.EqualTo(off.Columns.Select(c => c.Name)), "history columns come after the others");
            Assert.That(on.Hash, Is.Not.EqualTo(off.Hash));
        });
    }

    private async Task WriteWindowAsync()
    {
        await WriteCurrentAsync(root, Catalog);
        await WritePreviousAsync(root, Catalog);
        var electricity = Catalog.GetFeed("electricity_use_change");
        await LakeWriter.WriteFeedAsync(root, Quarter, electricity, [Row(HouseholdC, new DateOnly(2026, 8, 15), ("change_pct", -60.0))]);
        var threeBack = Quarter.Previous.Previous.Previous;
        await LakeWriter.WriteFeedAsync(root, threeBack, Catalog.GetFeed("telecom_arrears"),
            [Row(Parent, new DateOnly(2025, 11, 10), ("months", 9), ("amount", 300_000L))]);
        await LakeWriter.WriteFeedAsync(root, threeBack, electricity,
        [
            Row(HouseholdC, new DateOnly(2025, 10, 15), ("change_pct", -40.0)),
            Row(HouseholdC, new DateOnly(2025, 11, 15), ("change_pct", 10.0)),
        ]);
    }

    private async Task<FeatureTable> BuildAndReadAsync() =>
        await FeatureTable.ReadAsync((await new FeatureBuilder(Catalog, new FeatureOptions()).BuildAsync(root, Quarter)).Folder);
}
