using BlindSpot.Features.Aggregation;
using BlindSpot.Features.Roster;
using BlindSpot.Features.Schema;

namespace BlindSpot.Features.Writing;

/// <summary>Everything a partition writer reads: the roster, the folded feeds and the per-person and per-household totals.</summary>
internal sealed record FeatureContext(
    RosterTable Roster,
    FeatureSchema Schema,
    IReadOnlyList<FeedAggregate> Feeds,
    IReadOnlyDictionary<string, int> FeedIndex,
    IndicatorTotals Totals,
    ChangeCounters Changes,
    FeatureOptions Options)
{
    /// <summary>The last four quarters' records per feed, for the history features.</summary>
    public required WindowHistory History { get; init; }
}
