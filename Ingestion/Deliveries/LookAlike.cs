namespace BlindSpot.Ingestion.Deliveries;

/// <summary>
/// Why a feed's delivery was not found when something close to it is there: a folder under the file's name, the name in
/// another case, or the file in another institution's folder. Each gets its own message instead of "missing".
/// </summary>
internal static class LookAlike
{
    private static readonly string[] Extensions = [".csv", ".csv.gz"];

    /// <summary>What is there instead of <c>raw/&lt;Q&gt;/&lt;source&gt;/&lt;feed&gt;.csv</c>, with what to do; null when nothing like it is.</summary>
    public static string? Describe(IngestContext context, Core.Catalog.FeedDefinition feed)
    {
        var rawFolder = context.Root.RawFolder(context.Quarter);
        var sourceFolder = Path.Combine(rawFolder, feed.Source);
        var expected = $"{feed.Source}/{feed.Code}.csv";
        foreach (var extension in Extensions)
        {
            var path = Path.Combine(sourceFolder, feed.Code + extension);
            if (Directory.Exists(path))
            {
                return $"{context.Relative(path)} is a folder, not a file; put the delivery itself there as {feed.Code}{extension}.";
            }
        }

        if (Directory.Exists(sourceFolder)
            && Directory.EnumerateFileSystemEntries(sourceFolder).FirstOrDefault(e => Extensions.Any(x => string.Equals(Path.GetFileName(e), feed.Code + x, StringComparison.OrdinalIgnoreCase))) is { } cased)
        {
            return $"{context.Relative(cased)} is named in the wrong case; rename it to {feed.Code}{(cased.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? ".csv.gz" : ".csv")} (names are case-sensitive).";
        }

        if (Directory.Exists(rawFolder))
        {
            var elsewhere = Directory.EnumerateDirectories(rawFolder)
                .Where(d => !string.Equals(Path.GetFileName(d), feed.Source, StringComparison.Ordinal))
                .SelectMany(d => Extensions.Select(x => Path.Combine(d, feed.Code + x)))
                .Order(StringComparer.Ordinal)
                .FirstOrDefault(File.Exists);
            if (elsewhere is not null)
            {
                return $"{context.Relative(elsewhere)} is in the wrong source folder: {feed.Code} is delivered by {feed.Source}; move it to {context.Relative(rawFolder)}/{expected}{(elsewhere.EndsWith(".gz", StringComparison.Ordinal) ? ".gz" : "")}.";
            }
        }

        return null;
    }
}
