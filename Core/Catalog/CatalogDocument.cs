namespace BlindSpot.Core.Catalog;

/// <summary>The shape of <c>feeds.json</c> as read, before validation.</summary>
internal sealed record CatalogDocument
{
    public string? Version { get; init; }

    public string? Notes { get; init; }

    public Dictionary<Variant, VariantDefinition>? Variants { get; init; }

    public List<SourceDefinition>? Sources { get; init; }

    public FeedDefinition? Roster { get; init; }

    public List<FeedDefinition>? Feeds { get; init; }

    /// <summary>Optional: rule cohorts selected beside the models (none when absent).</summary>
    public List<RuleCohort>? Cohorts { get; init; }
}
