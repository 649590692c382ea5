using System.Globalization;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Runs;

namespace BlindSpot.Portal.Runs;

/// <summary>The quarters' runs as their manifests (<c>runs/&lt;Q&gt;/manifest.json</c>) record them.</summary>
public sealed class RunSummaries(DataRoot root)
{
    /// <summary>Quarters with a run manifest, newest first.</summary>
    public IReadOnlyList<Quarter> Quarters()
    {
        var folder = Path.Combine(root.Path, "runs");
        return Directory.Exists(folder)
            ? [.. Directory.GetDirectories(folder).Select(Path.GetFileName)
                .Select(n => Quarter.TryParse(n, CultureInfo.InvariantCulture, out var q) ? q : (Quarter?)null)
                .OfType<Quarter>().Where(q => File.Exists(root.RunManifest(q))).OrderDescending()]
            : [];
    }

    /// <summary>The quarter's manifest, or null when it never ran.</summary>
    public RunManifest? Manifest(Quarter quarter) =>
        File.Exists(root.RunManifest(quarter)) ? RunManifest.Load(root, quarter) : null;

    /// <summary>The run report <c>runs/&lt;Q&gt;/report.html</c>, or null when it was not written.</summary>
    public string? Report(Quarter quarter)
    {
        var path = Path.Combine(Path.GetDirectoryName(root.RunManifest(quarter))!, "report.html");
        return File.Exists(path) ? path : null;
    }
}
