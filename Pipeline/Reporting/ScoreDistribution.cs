using System.Globalization;
using System.Text;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using Parquet;

namespace BlindSpot.Pipeline.Reporting;

/// <summary>
/// The report's score section: per variant the number scored, mean, quantiles and the share at or above 0.5 of the
/// model score, and a histogram chart (<c>scores-&lt;variant&gt;.png</c>, 20 bins over 0–1). The score is FastTree's
/// probability output, fitted on the people officials visited (the labelled population), so it ranks everyone but is
/// not a calibrated chance of crisis for everyone: the page says so rather than calling it calibrated.
/// </summary>
internal static class ScoreDistribution
{
    private const int HistogramBins = 20;

    public static string ChartFile(Variant variant) => $"scores-{variant.ToCode()}.png";

    /// <summary>The histogram of <paramref name="scores"/>: 20 equal bins over [0, 1], 1.0 in the last.</summary>
    public static long[] Histogram(IReadOnlyList<float> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var bins = new long[HistogramBins];
        foreach (var score in scores)
        {
            bins[Math.Clamp((int)(score * HistogramBins), 0, HistogramBins - 1)]++;
        }

        return bins;
    }

    /// <summary>The value at quantile <paramref name="q"/> of sorted <paramref name="sorted"/> (nearest rank).</summary>
    public static float Quantile(float[] sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted.Length == 0 ? float.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public static async Task AppendAsync(StringBuilder html, DataRoot root, Quarter quarter, string chartFolder, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(root);
        html.Append("<h2>점수 분포 · Score distributions</h2>\n")
            .Append("<p>점수는 방문하면 지원으로 이어질 확률(P(supported if visited))을 나타내는 모형의 출력으로, 방문 결과가 보고된 사람들(라벨이 있는 집단)에 맞춰졌습니다. 순위를 매기는 값이며 전체 인구에 대한 위기 확률로 보정된 값이 아닙니다. ")
            .Append("· The score is P(supported if visited): the model's probability that a visit ends in support, fitted on the people officials visited (the labelled population). It ranks people; it is not a calibrated chance of crisis for everyone, so a large share at or above 0.5 is expected; each model's evaluation checks it against the random audit.</p>\n")
            .Append("<table><tr><th>유형 · variant</th><th>점수 매긴 사람 · scored</th><th>평균 · mean</th><th>중앙값 · median</th><th>p90</th><th>p99</th><th>최대 · max</th><th>점수 ≥ 0.5 % · P(supported if visited) ≥ 0.5 %</th></tr>\n");
        var charts = new List<string>();
        foreach (var variant in VariantNames.All)
        {
            var path = root.Scores(quarter, variant);
            if (!File.Exists(path))
            {
                continue;
            }

            var scores = await ReadScoresAsync(path, ct).ConfigureAwait(false);
            var sorted = scores.Order().ToArray();
            var high = scores.Length == 0 ? 0 : scores.Count(s => s >= 0.5f) * 100.0 / scores.Length;
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{ReportText.Variant(variant.ToCode())}</td><td>{scores.Length:N0}</td><td>{(scores.Length == 0 ? 0 : scores.Average()):F4}</td><td>{Quantile(sorted, 0.5):F4}</td><td>{Quantile(sorted, 0.9):F4}</td><td>{Quantile(sorted, 0.99):F4}</td><td>{(sorted.Length == 0 ? 0 : sorted[^1]):F4}</td><td>{high:F2}</td></tr>\n");
            var histogram = Histogram(scores);
            var labels = Enumerable.Range(0, HistogramBins).Select(b => (b % 4 == 0 ? ((double)b / HistogramBins).ToString("0.0#", CultureInfo.InvariantCulture) : "")).ToArray();
            charts.Add(ReportCharts.Bars(chartFolder, ChartFile(variant), $"{variant.ToCode()} scores {quarter}", "P(supported if visited) (bin start)", "people", labels, [.. histogram.Select(c => (double)c)]));
        }

        html.Append("</table>\n<p>");
        html.Append(string.Concat(charts.Select(c => $"<img src=\"{c}\" alt=\"{c}\"> ")));
        html.Append("</p>\n");
    }

    private static async Task<float[]> ReadScoresAsync(string path, CancellationToken ct)
    {
        await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: ct).ConfigureAwait(false);
        var field = reader.Schema.DataFields.Single(f => f.Name == "score");
        var scores = new List<float>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var column = new float[checked((int)group.RowCount)];
            await group.ReadAsync(field, column.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            scores.AddRange(column);
        }

        return [.. scores];
    }
}
