using System.Globalization;
using System.Net;
using System.Text;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Features;

namespace BlindSpot.Pipeline.Reporting;

/// <summary>
/// The report's drift section: the features whose share of people with a non-zero value moved most since last quarter,
/// from the two feature manifests. A first look for a feed that broke or changed meaning, not a population stability index.
/// </summary>
internal static class FeatureMovers
{
    private const int Top = 10;

    public static void Append(StringBuilder html, DataRoot root, Quarter quarter)
    {
        var currentPath = Path.Combine(root.FeaturesFolder(quarter), FeatureManifest.FileName);
        var previousPath = Path.Combine(root.FeaturesFolder(quarter.Previous), FeatureManifest.FileName);
        html.Append(CultureInfo.InvariantCulture, $"<h2>Feature movers against {quarter.Previous}</h2>\n");
        if (!File.Exists(currentPath) || !File.Exists(previousPath))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>No features of {quarter.Previous} to compare with.</p>\n");
            return;
        }

        var before = FeatureManifest.Load(previousPath).Features.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var movers = FeatureManifest.Load(currentPath).Features
            .Where(f => before.ContainsKey(f.Name))
            .Select(f => (f.Name, Now: f.NonZeroShare, Then: before[f.Name].NonZeroShare, MeanNow: f.Mean, MeanThen: before[f.Name].Mean))
            .OrderByDescending(m => Math.Abs(m.Now - m.Then)).ThenBy(m => m.Name, StringComparer.Ordinal)
            .Take(Top);
        html.Append("<table><tr><th>feature</th><th>non-zero % now</th><th>last quarter</th><th>mean now</th><th>last quarter</th></tr>\n");
        foreach (var m in movers)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{WebUtility.HtmlEncode(m.Name)}</td><td>{m.Now * 100:F2}</td><td>{m.Then * 100:F2}</td><td>{m.MeanNow:G4}</td><td>{m.MeanThen:G4}</td></tr>\n");
        }

        html.Append("</table>\n");
    }
}
