using BlindSpot.Core.Catalog;
using BlindSpot.Ingestion.Reporting;

namespace BlindSpot.Ingestion.Deliveries;

/// <summary>
/// Deliveries that are not there: a quarter without its folder, required feeds without a file (failing the stage in
/// milliseconds, before anything is hashed), and the report line of any feed without one, naming a look-alike if there is.
/// </summary>
internal sealed class MissingDeliveries(IngestContext context)
{
    /// <summary>
    /// Before any file is hashed: throws <see cref="IngestException"/> when the quarter's folder is missing or a required
    /// delivery is, in a message short enough to read in a terminal (three named); the full list goes to the ingest report.
    /// </summary>
    public void ThrowIfAnyRequired(DeliveryLocator locator)
    {
        var rawFolder = context.Root.RawFolder(context.Quarter);
        if (!Directory.Exists(rawFolder))
        {
            throw new IngestException(
                $"No deliveries for {context.Quarter}: {context.Relative(rawFolder)}/ does not exist under {context.Root.Path}. " +
                $"Place the institutions' files under {context.Relative(rawFolder)}/<source>/ (or pass the data root that has them with --data) and run again.");
        }

        var missing = locator.MissingRequired();
        if (missing.Count == 0)
        {
            return;
        }

        var reportPath = context.Root.IngestReport(context.Quarter);
        var reports = missing.Select(f => (Feed: f, Problem: LookAlike.Describe(context, f))).ToList();
        Report(reports.Select(r => NotFound(r.Feed, r.Problem)).ToList()).Save(reportPath);
        const int Named = 3;
        var named = reports.Take(Named).Select(r => r.Problem ?? $"{r.Feed.Source}/{r.Feed.Code}.csv");
        var more = reports.Count > Named ? $" and {reports.Count - Named} more" : "";
        throw new IngestException(
            $"{reports.Count} of {context.Catalog.Feeds.Count(f => f.Required) + 1} required deliveries missing under {context.Relative(rawFolder)}/: {string.Join("; ", named)}{more} " +
            $"(all listed in {context.Relative(reportPath)}). Ask the institutions for them (or place them there) and run again.");
    }

    private IngestReport Report(IReadOnlyList<FeedReport> missing)
    {
        var roster = missing.FirstOrDefault(f => f.Feed == context.Catalog.Roster.Code)
            ?? new FeedReport { Feed = context.Catalog.Roster.Code, Source = context.Catalog.Roster.Source, Required = true, Status = FeedStatus.NotRead };
        var feeds = context.Catalog.Feeds
            .Select(f => missing.FirstOrDefault(m => m.Feed == f.Code) ?? new FeedReport { Feed = f.Code, Source = f.Source, Required = f.Required, Status = FeedStatus.NotRead })
            .ToList();
        return new IngestReport
        {
            Quarter = context.Quarter.ToString(),
            CatalogVersion = context.Catalog.Version,
            SampleKey = context.Pseudonymizer.IsSampleKey,
            Roster = roster,
            Feeds = feeds,
            Warnings = [.. missing.Select(f => f.Error!)],
            Totals = IngestTotals.Of([.. feeds.Prepend(roster)]),
        };
    }

    /// <summary>The report line of a feed without a delivery: what is there instead, if anything, or that it is missing.</summary>
    public FeedReport NotFound(FeedDefinition feed) => NotFound(feed, LookAlike.Describe(context, feed));

    private FeedReport NotFound(FeedDefinition feed, string? lookAlike)
    {
        var expected = $"{context.Relative(context.Root.RawFolder(context.Quarter))}/{feed.Source}/{feed.Code}.csv";
        var message = lookAlike ?? (feed.Required
            ? $"{expected} is missing; ask {feed.Source} for it."
            : $"{expected} is missing (optional feed); its features will be empty this quarter.");
        return new FeedReport { Feed = feed.Code, Source = feed.Source, Required = feed.Required, Status = FeedStatus.Missing, Error = message };
    }
}
