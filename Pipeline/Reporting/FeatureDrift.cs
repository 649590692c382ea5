using System.Globalization;
using System.Net;
using System.Text;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Features;

namespace BlindSpot.Pipeline.Reporting;

/// <summary>
/// The report's drift section: the population stability index of every feature against last quarter, counted from both
/// quarters' part files in bins fixed by last quarter's range (<see cref="FeatureBins"/>), with the top movers by index
/// beside their non-zero shares and means from the feature manifests, and a chart of the top indices.
/// </summary>
internal static class FeatureDrift
{
    public const string ChartFile = "feature-drift.png";

    private const int Top = 15;

    /// <summary>Feature → index, largest first (ties by name); empty when either quarter has no features.</summary>
    public static async Task<IReadOnlyList<(string Feature, double Index)>> IndicesAsync(DataRoot root, Quarter quarter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(root);
        var (current, previous) = (Manifest(root, quarter), Manifest(root, quarter.Previous));
        if (current is null || previous is null)
        {
            return [];
        }

        var names = current.Features.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var bins = previous.Features.Where(f => names.Contains(f.Name)).ToDictionary(f => f.Name, f => new FeatureBins(f.Min, f.Max), StringComparer.Ordinal);
        var expected = await FeatureHistogramReader.CountAsync(root.FeaturesFolder(quarter.Previous), bins, ct).ConfigureAwait(false);
        var actual = await FeatureHistogramReader.CountAsync(root.FeaturesFolder(quarter), bins, ct).ConfigureAwait(false);
        return [.. bins.Keys.Select(name => (name, PopulationStability.Index(expected[name], actual[name])))
            .OrderByDescending(d => d.Item2).ThenBy(d => d.name, StringComparer.Ordinal)];
    }

    public static async Task AppendAsync(StringBuilder html, DataRoot root, Quarter quarter, string chartFolder, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(html);
        html.Append(CultureInfo.InvariantCulture, $"<h2>Feature drift against {quarter.Previous}</h2>\n");
        var indices = await IndicesAsync(root, quarter, ct).ConfigureAwait(false);
        if (indices.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>No features of {quarter.Previous} to compare with.</p>\n");
            return;
        }

        var now = Manifest(root, quarter)!.Features.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var then = Manifest(root, quarter.Previous)!.Features.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var moderate = indices.Count(d => d.Index is >= PopulationStability.Moderate and < PopulationStability.Major);
        var major = indices.Count(d => d.Index >= PopulationStability.Major);
        html.Append(CultureInfo.InvariantCulture,
            $"<p>Population stability index of {indices.Count} features (bins: zero, ten even bins over last quarter's range, NaN): {indices.Count - moderate - major} stable (&lt; 0.1), {moderate} moderate shift (0.1–0.25), {major} major shift (≥ 0.25).</p>\n");
        html.Append("<h3>Top movers</h3>\n<table><tr><th>feature</th><th>PSI</th><th>reading</th><th>non-zero % now</th><th>last quarter</th><th>mean now</th><th>last quarter</th></tr>\n");
        foreach (var (feature, index) in indices.Take(Top))
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{WebUtility.HtmlEncode(feature)}</td><td>{index:F4}</td><td>{PopulationStability.Reading(index)}</td><td>{now[feature].NonZeroShare * 100:F2}</td><td>{then[feature].NonZeroShare * 100:F2}</td><td>{now[feature].Mean:G4}</td><td>{then[feature].Mean:G4}</td></tr>\n");
        }

        html.Append("</table>\n");
        var top = indices.Take(Top).ToList();
        ReportCharts.Bars(chartFolder, ChartFile, $"Feature drift {quarter} vs {quarter.Previous} (top {top.Count})", "feature", "population stability index", [.. top.Select(d => d.Feature)], [.. top.Select(d => d.Index)], horizontal: true);
        html.Append(CultureInfo.InvariantCulture, $"<p><img src=\"{ChartFile}\" alt=\"population stability index of the top movers\"></p>\n");
    }

    private static FeatureManifest? Manifest(DataRoot root, Quarter quarter)
    {
        var path = Path.Combine(root.FeaturesFolder(quarter), FeatureManifest.FileName);
        return File.Exists(path) ? FeatureManifest.Load(path) : null;
    }
}
