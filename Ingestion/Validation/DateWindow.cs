using System.Globalization;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Ingestion.Validation;

/// <summary>
/// The dates a column may hold. An event date lies in the quarter or up to the feed's <c>windowMonths</c> before
/// its end (3 = the quarter itself); any other date (birth, status change) lies between 1900-01-01 and the as-of date.
/// </summary>
internal sealed record DateWindow(DateOnly From, DateOnly To, DateOnly QuarterStart, string Reason)
{
    public static DateWindow For(FeedDefinition feed, ColumnDefinition column, Quarter quarter)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(column);
        if (column.Role == ColumnRole.EventDate)
        {
            var from = quarter.FirstDay.AddMonths(3 - feed.WindowMonths);
            return new DateWindow(from, quarter.LastDay, quarter.FirstDay, string.Create(CultureInfo.InvariantCulture,
                $"lies outside {from:yyyy-MM-dd}..{quarter.LastDay:yyyy-MM-dd} (quarter {quarter} and the {feed.WindowMonths} months the catalog allows)"));
        }

        var earliest = new DateOnly(1900, 1, 1);
        return new DateWindow(earliest, quarter.AsOf, quarter.FirstDay, string.Create(CultureInfo.InvariantCulture,
            $"lies outside {earliest:yyyy-MM-dd}..{quarter.AsOf:yyyy-MM-dd} (the quarter's as-of date)"));
    }

    public bool Contains(DateOnly date) => date >= From && date <= To;
}
