using BlindSpot.Core.Catalog;

namespace BlindSpot.Ingestion.Deliveries;

/// <summary>What <see cref="DeliveryLocator"/> found for a quarter: each feed's file, the feeds without one, and file-level problems.</summary>
internal sealed record DeliveryScan
{
    /// <summary>Feed code → its delivery, for the roster and every feed that has one.</summary>
    public required IReadOnlyDictionary<string, Delivery> Found { get; init; }

    /// <summary>Feeds (roster included) with no delivery, in catalog order.</summary>
    public required IReadOnlyList<FeedDefinition> Missing { get; init; }

    /// <summary>Feed code → why its delivery cannot be used (two files, a copy of another feed's file), with what to do.</summary>
    public required IReadOnlyDictionary<string, string> Unusable { get; init; }

    public required IReadOnlyList<string> Warnings { get; init; }
}
