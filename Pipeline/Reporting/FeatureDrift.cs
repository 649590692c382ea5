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
        html.Append(CultureInfo.InvariantCulture, $"<h2>특성 변화 ({quarter.Previous} 대비) · Feature drift against {quarter.Previous}</h2>\n");
        var indices = await IndicesAsync(root, quarter, ct).ConfigureAwait(false);
        if (indices.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{WebUtility.HtmlEncode(ReportText.FirstQuarterNote(quarter, "특성이", "features"))}</p>\n");
            return;
        }

        var now = Manifest(root, quarter)!.Features.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var then = Manifest(root, quarter.Previous)!.Features.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var moderate = indices.Count(d => d.Index is >= PopulationStability.Moderate and < PopulationStability.Major);
        var major = indices.Count(d => d.Index >= PopulationStability.Major);
        html.Append(CultureInfo.InvariantCulture,
            $"<p>특성 {indices.Count}개의 모집단 안정성 지수(PSI): 안정 {indices.Count - moderate - major}, 중간 변화 {moderate}, 큰 변화 {major} · Population stability index of {indices.Count} features (bins: zero, ten even bins over last quarter's range, NaN): {indices.Count - moderate - major} stable (&lt; 0.1), {moderate} moderate shift (0.1–0.25), {major} major shift (≥ 0.25).</p>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h3>가장 많이 변한 특성 · Top movers</h3>\n<table><tr><th>특성 · feature</th><th>PSI</th><th>해석 · reading</th><th>0 아닌 % · non-zero % {quarter}</th><th>{quarter.Previous}</th><th>평균 · mean {quarter}</th><th>{quarter.Previous}</th></tr>\n");
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
