namespace BlindSpot.Portal.Runs;

/// <summary>
/// Puts a generated report's charts inside it: every <c>src="chart.png"</c> (or .svg) naming a file listed beside the
/// report becomes a <c>data:</c> URI. Reports are served sandboxed (an opaque origin, so the browser would send a chart
/// request without the Strict session cookie and get the sign-in page instead of the image); inline, the charts need no
/// second request and no route of their own, and only files the folder lists are ever read.
/// </summary>
internal static class ReportCharts
{
    private static readonly IReadOnlyDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".png"] = "image/png",
        [".svg"] = "image/svg+xml",
    };

    /// <summary>The report at <paramref name="path"/> with its sibling charts inlined.</summary>
    public static string Inline(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var html = File.ReadAllText(path);
        foreach (var chart in Directory.GetFiles(Path.GetDirectoryName(path)!).Order(StringComparer.Ordinal))
        {
            var attribute = $"src=\"{Path.GetFileName(chart)}\"";
            if (Types.TryGetValue(Path.GetExtension(chart).ToLowerInvariant(), out var type) && html.Contains(attribute, StringComparison.Ordinal))
            {
                html = html.Replace(attribute, $"src=\"data:{type};base64,{Convert.ToBase64String(File.ReadAllBytes(chart))}\"", StringComparison.Ordinal);
            }
        }

        return html;
    }
}
