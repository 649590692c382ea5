using BlindSpot.Core.Catalog;
using BlindSpot.Core.Contracts;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Regions;
using BlindSpot.Core.Stages;
using BlindSpot.Dispatch;
using BlindSpot.Dispatch.Discovery;
using BlindSpot.Dispatch.Worklists;
using BlindSpot.Features;
using BlindSpot.Ingestion;

namespace BlindSpot.Pipeline.Tests.Contracts;

/// <summary>The non-file inputs each stage declares: a change of any of them must change its checkpoint key.</summary>
public sealed class StageKeyTests
{
    private static readonly Quarter Q = Quarter.Parse("2026Q3");
    private static readonly DataRoot Root = new(Path.Combine(Path.GetTempPath(), "blindspot-no-such-root"));
    private static readonly FeedCatalog Catalog = FeedCatalog.LoadDefault();

    [Test]
    public void Ingest_KeyHoldsCatalogPseudonymKeyAndOutputChangingOptions()
    {
        var values = Ingest(new IngestOptions { Catalog = Catalog, Pseudonymizer = Pseudonymizer.ForSampleData() });
        var smallerGroups = Ingest(new IngestOptions { Catalog = Catalog, Pseudonymizer = Pseudonymizer.ForSampleData(), RowGroupSize = 1_000 });
        var accepted = Ingest(new IngestOptions { Catalog = Catalog, Pseudonymizer = Pseudonymizer.ForSampleData(), AcceptVolumeChange = true });
        var otherKey = Ingest(new IngestOptions { Catalog = Catalog, Pseudonymizer = new Pseudonymizer(Enumerable.Repeat((byte)7, 32).ToArray()) });

        Assert.That(values["catalog"], Is.EqualTo(Catalog.Version));
        Assert.That(smallerGroups["options"], Is.Not.EqualTo(values["options"]));
        Assert.That(accepted["options"], Is.Not.EqualTo(values["options"]));
        Assert.That(otherKey["pseudonym-key"], Is.Not.EqualTo(values["pseudonym-key"]));
    }

    [Test]
    public void Ingest_KeyHoldsTheConfiguredBuckets()
    {
        var byDefault = Ingest(new IngestOptions { Catalog = Catalog, Pseudonymizer = Pseudonymizer.ForSampleData() });
        var seven = Ingest(new IngestOptions { Catalog = Catalog, Pseudonymizer = Pseudonymizer.ForSampleData(), Buckets = 7 });
        var one = Ingest(new IngestOptions { Catalog = Catalog, Pseudonymizer = Pseudonymizer.ForSampleData(), Buckets = 1 });

        Assert.That(new[] { byDefault["buckets"], seven["buckets"], one["buckets"] }, Is.Unique);
    }

    [Test]
    public void Features_KeyHoldsTheCatalogVersionAndBothQuartersLakes()
    {
        var declaration = new FeaturesStage(Catalog, new FeatureOptions()).Declare(Root, Q);

        Assert.That(declaration.Values["catalog"], Is.EqualTo(Catalog.Version));
        Assert.That(declaration.ReadSets, Does.Contain(new FileSet(Root.LakeFolder(Q.Previous), BucketLayout.PartPattern, Recursive: true))
            .And.Contain(new FileSet(Root.RosterFolder(Q), BucketLayout.PartPattern, Recursive: true)));
        Assert.That(declaration.ReadFiles, Does.Contain(Root.Partitioning(Q)), "the number of buckets is an input");
    }

    [Test]
    public void Dispatch_KeyHoldsOptionsAndWhereTheWorklistsGo()
    {
        var regions = RegionRegistry.LoadDefault();
        var files = new FileWorklistStore(Root);
        var values = new DispatchStage(Catalog, regions, new DispatchOptions(), Pseudonymizer.ForSampleData(), files).Declare(Root, Q).Values;
        var longerLookback = new DispatchStage(Catalog, regions, new DispatchOptions { NotEligibleLookbackQuarters = 3 }, Pseudonymizer.ForSampleData(), files).Declare(Root, Q).Values;

        Assert.That(values["worklists"], Is.EqualTo("files"));
        Assert.That(longerLookback["options"], Is.Not.EqualTo(values["options"]));
    }

    [Test]
    public void Dispatch_KeyHoldsTheDispatchDate_TheQuarterLastDayByDefault()
    {
        var regions = RegionRegistry.LoadDefault();
        var files = new FileWorklistStore(Root);
        var byDefault = new DispatchStage(Catalog, regions, new DispatchOptions(), Pseudonymizer.ForSampleData(), files).Declare(Root, Q).Values;
        var late = new DispatchStage(Catalog, regions, new DispatchOptions { DispatchDate = new DateOnly(2026, 10, 20) }, Pseudonymizer.ForSampleData(), files).Declare(Root, Q).Values;

        Assert.That(byDefault["dispatch-date"], Is.EqualTo("2026-09-30"));
        Assert.That(late["dispatch-date"], Is.EqualTo("2026-10-20"));
        Assert.That(late["options"], Is.EqualTo(byDefault["options"]), "the date is in the key once, by its value");
    }

    [Test]
    public void Dispatch_QuotaChanged_ChangesTheQuotasInput()
    {
        var regions = RegionRegistry.LoadDefault();
        var files = new FileWorklistStore(Root);
        var larger = new DispatchOptions();
        larger.Quotas[Variant.Child].Count = 40_000;

        var values = new DispatchStage(Catalog, regions, new DispatchOptions(), Pseudonymizer.ForSampleData(), files).Declare(Root, Q).Values;
        var changed = new DispatchStage(Catalog, regions, larger, Pseudonymizer.ForSampleData(), files).Declare(Root, Q).Values;

        Assert.That(values["quotas"], Is.EqualTo("Household=110000/9000000 scaled, Child=30000/9000000 scaled, LonelyDeath=45000/9000000 scaled"));
        Assert.That(changed["quotas"], Does.Contain("Child=40000/9000000"));
        Assert.That(changed["options"], Is.Not.EqualTo(values["options"]));
    }

    [Test]
    public void DiscoveryIndex_KeyHoldsCatalogPseudonymKeyAndQuotas_AndReadsTheRegisterAndVault()
    {
        var regions = RegionRegistry.LoadDefault();
        var declaration = new DiscoveryIndexStage(Catalog, regions, new DispatchOptions(), Pseudonymizer.ForSampleData()).Declare(Root, Q);
        var otherKey = new DiscoveryIndexStage(Catalog, regions, new DispatchOptions(), new Pseudonymizer(Enumerable.Repeat((byte)7, 32).ToArray())).Declare(Root, Q).Values;
        var smallerQuota = new DispatchOptions();
        smallerQuota.Quotas[Variant.Child].Count = 1_000;
        var regraded = new DiscoveryIndexStage(Catalog, regions, smallerQuota, Pseudonymizer.ForSampleData()).Declare(Root, Q).Values;

        Assert.That(declaration.Values["catalog"], Is.EqualTo(Catalog.Version));
        Assert.That(otherKey["pseudonym-key"], Is.Not.EqualTo(declaration.Values["pseudonym-key"]));
        Assert.That(regraded["quotas"], Is.Not.EqualTo(declaration.Values["quotas"]), "grades are drawn from the quotas");
        Assert.That(declaration.ReadFiles, Does.Contain(Root.PastDispatches(Q)).And.Contain(Root.IdentityVault(Q)).And.Contain(Root.Scores(Q, Variant.Child)));
    }

    private static System.Collections.Immutable.ImmutableSortedDictionary<string, string> Ingest(IngestOptions options) => new IngestStage(options).Declare(Root, Q).Values;
}
