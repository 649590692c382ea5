using BlindSpot.Core.Catalog;

namespace BlindSpot.Core.Tests.Catalog;

public sealed class FeedCatalogTests
{
    private static readonly FeedCatalog Catalog = FeedCatalog.LoadDefault();

    [Test]
    public void Default_Has47FeedsFrom21Sources()
    {
        Assert.That(Catalog.Feeds, Has.Count.EqualTo(47));
        Assert.That(Catalog.Sources, Has.Count.EqualTo(21));
        Assert.That(Catalog.Feeds.Select(f => f.Source).Distinct().Count(), Is.EqualTo(21), "every source delivers at least one feed");
    }

    [Test]
    public void Default_EveryFeedIsUsedByAVariant()
    {
        Assert.That(Catalog.Feeds, Has.All.Matches<FeedDefinition>(f => f.Variants.Count > 0));
        Assert.That(VariantNames.All.Select(v => Catalog.FeedsFor(v).Count), Has.All.GreaterThanOrEqualTo(8));
    }

    [Test]
    public void Default_KeyColumnMatchesTheUnit()
    {
        Assert.That(Catalog.Feeds.Where(f => f.Unit == FeedUnit.Person), Has.All.Matches<FeedDefinition>(f => f.KeyColumn.Type == ColumnType.ResidentNumber));
        Assert.That(Catalog.Feeds.Where(f => f.Unit == FeedUnit.Household), Has.All.Matches<FeedDefinition>(f => f.KeyColumn.Type == ColumnType.HouseholdNumber));
    }

    [Test]
    public void Default_KoreanAndEnglishHeadersForEveryColumn()
    {
        var columns = Catalog.Feeds.SelectMany(f => f.Columns).Concat(Catalog.Roster.Columns).ToList();

        Assert.That(columns, Has.All.Matches<ColumnDefinition>(c => c.HeaderKo.Length > 0 && c.HeaderEn.Length > 0));
    }

    [Test]
    public void Default_DeliveryFormatsVaryAcrossInstitutions()
    {
        var formats = Catalog.Feeds.Select(Catalog.DeliveryOf).ToList();

        Assert.That(formats.Select(f => f.Encoding).Distinct().Count(), Is.GreaterThanOrEqualTo(2), "some CP949, some UTF-8");
        Assert.That(formats.Select(f => f.DateFormat).Distinct().Count(), Is.GreaterThanOrEqualTo(2));
        Assert.That(formats, Has.All.Matches<DeliveryFormat>(f => f.Encoding is not null && f.Delimiter is not null && f.DateFormat is not null && f.HeaderLanguage is not null));
    }

    [Test]
    public void Default_RosterHasTheColumnsIngestionJoinsOn()
    {
        Assert.That(Catalog.Roster.Columns.Select(c => c.Name), Is.SupersetOf(new[] { "resident_no", "household_no", "sigungu_code", "eupmyeondong_code", "birth_date", "sex" }));
    }

    [Test]
    public void DeliveryOf_FeedOverride_ReplacesOnlyItsFields()
    {
        var source = Catalog.Sources[0].Delivery;
        var merged = source.With(new DeliveryFormat { Delimiter = "|" });

        Assert.That(merged.Delimiter, Is.EqualTo("|"));
        Assert.That(merged.Encoding, Is.EqualTo(source.Encoding));
        Assert.That(merged.DateFormat, Is.EqualTo(source.DateFormat));
    }

    [Test]
    public void GetFeed_Unknown_NamesTheCode()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Catalog.GetFeed("no_such_feed"));

        Assert.That(error!.Message, Does.Contain("no_such_feed"));
    }
}
