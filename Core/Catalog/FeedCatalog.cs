using System.Text.Json;

namespace BlindSpot.Core.Catalog;

/// <summary>
/// The 47 crisis-indicator feeds, their 21 sources and the roster extract, loaded from <c>catalog/feeds.json</c>
/// and validated on load. Immutable and thread-safe: load once, share everywhere.
/// </summary>
public sealed class FeedCatalog
{
    private readonly Dictionary<string, FeedDefinition> feedsByCode;
    private readonly Dictionary<string, SourceDefinition> sourcesByCode;

    internal FeedCatalog(CatalogDocument document)
    {
        Version = document.Version!;
        Sources = document.Sources!;
        Feeds = document.Feeds!;
        Roster = document.Roster!;
        Variants = document.Variants!;
        Cohorts = document.Cohorts ?? [];
        feedsByCode = Feeds.ToDictionary(f => f.Code, StringComparer.Ordinal);
        sourcesByCode = Sources.ToDictionary(s => s.Code, StringComparer.Ordinal);
    }

    /// <summary>The catalog's own version label, recorded in every run manifest.</summary>
    public string Version { get; }

    public IReadOnlyList<SourceDefinition> Sources { get; }

    /// <summary>The feeds in catalog order, which is also the order of feature columns.</summary>
    public IReadOnlyList<FeedDefinition> Feeds { get; }

    /// <summary>The resident-registration extract every stage joins on (not one of the feeds).</summary>
    public FeedDefinition Roster { get; }

    public IReadOnlyDictionary<Variant, VariantDefinition> Variants { get; }

    /// <summary>The rule cohorts (특정 위기 변수 조건 대상자) in catalog order; empty when the catalog has none.</summary>
    public IReadOnlyList<RuleCohort> Cohorts { get; }

    /// <summary>The catalog embedded in the build (the repository's <c>catalog/feeds.json</c>).</summary>
    public static FeedCatalog LoadDefault()
    {
        using var stream = EmbeddedCatalog.Open("feeds.json");
        return Load(stream, "embedded catalog/feeds.json");
    }

    public static FeedCatalog Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    /// <summary>Reads and validates; throws <see cref="CatalogException"/> naming the file, the entry and the rule broken.</summary>
    public static FeedCatalog Load(Stream stream, string origin)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        CatalogDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<CatalogDocument>(buffer.ToArray(), CatalogJson.Options);
        }
        catch (JsonException ex)
        {
            throw new CatalogException(origin, $"{CatalogJsonErrors.Describe(buffer.ToArray(), ex)}", ex);
        }

        if (document is null)
        {
            throw new CatalogException(origin, "is empty.");
        }

        new FeedCatalogValidator(origin).Validate(document);
        return new FeedCatalog(document);
    }

    public FeedDefinition GetFeed(string code) =>
        feedsByCode.TryGetValue(code, out var feed) ? feed : throw new KeyNotFoundException($"The catalog has no feed '{code}'.");

    public bool TryGetFeed(string code, out FeedDefinition feed) => feedsByCode.TryGetValue(code, out feed!);

    public SourceDefinition GetSource(string code) =>
        sourcesByCode.TryGetValue(code, out var source) ? source : throw new KeyNotFoundException($"The catalog has no source '{code}'.");

    /// <summary>The format the feed is delivered in: its source's, with the feed's own overrides.</summary>
    public DeliveryFormat DeliveryOf(FeedDefinition feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return GetSource(feed.Source).Delivery.With(feed.Delivery);
    }

    /// <summary>The feeds a variant uses, in catalog order.</summary>
    public IReadOnlyList<FeedDefinition> FeedsFor(Variant variant) => [.. Feeds.Where(f => f.Variants.Contains(variant))];
}
