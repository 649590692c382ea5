using System.Globalization;

namespace BlindSpot.Ingestion.Reporting;

/// <summary>
/// Compares each feed's and the roster's accepted count with the previous quarter's ingest report, so a delivery that
/// lost a large part of its rows (a cut transfer, a partial export) cannot pass as a quiet quarter. A change counts only
/// when it is beyond the limit and beyond four standard deviations of Poisson noise (4·√previous), so a small feed's
/// ordinary variation never fails a run.
/// </summary>
internal static class VolumeCheck
{
    public static IReadOnlyList<VolumeChange> Compare(IngestReport current, IngestReport? previous, double maxRosterChange, double maxFeedChange, bool accepted)
    {
        if (previous is null)
        {
            return [];
        }

        var before = previous.All.Where(Usable).ToDictionary(f => f.Feed, StringComparer.Ordinal);
        var changes = new List<VolumeChange>();
        foreach (var feed in current.All.Where(Usable))
        {
            if (!before.TryGetValue(feed.Feed, out var last) || last.Accepted == 0)
            {
                continue;
            }

            var limit = feed.Feed == current.Roster.Feed ? maxRosterChange : maxFeedChange;
            var difference = Math.Abs(feed.Accepted - last.Accepted);
            if (difference > limit * last.Accepted && difference > 4 * Math.Sqrt(last.Accepted))
            {
                changes.Add(new VolumeChange(feed.Feed, previous.Quarter, last.Accepted, feed.Accepted, limit, accepted));
            }
        }

        return changes;
    }

    /// <summary>"resident_registration: 30,154 rows accepted, 40.0 % fewer than 50,259 in 2026Q2 (limit ±5 %)".</summary>
    public static string Describe(VolumeChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return string.Create(CultureInfo.InvariantCulture,
            $"{change.Feed}: {change.Current:N0} rows accepted, {Math.Abs(change.Change) * 100:0.0} % {(change.Change < 0 ? "fewer" : "more")} than {change.Previous:N0} in {change.PreviousQuarter} (limit ±{change.Limit * 100:0.#} %)");
    }

    private static bool Usable(FeedReport feed) => feed.Status is FeedStatus.Ingested or FeedStatus.Skipped;
}
