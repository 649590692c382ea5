using ScottPlot;

namespace BlindSpot.Pipeline.Reporting;

/// <summary>
/// The run report's bar charts as 640×480 PNG beside the report, in the style of Scoring's evaluation charts (title, axis
/// labels, ScottPlot defaults). Labels stay ASCII (codes, not Korean names): the chart font may have no Hangul.
/// </summary>
internal static class ReportCharts
{
    /// <summary>Writes a bar chart to <paramref name="folder"/>/<paramref name="file"/> and returns the file name.</summary>
    public static string Bars(string folder, string file, string title, string x, string y, IReadOnlyList<string> labels, IReadOnlyList<double> values)
    {
        var plot = new Plot();
        var positions = Enumerable.Range(0, values.Count).Select(i => (double)i).ToArray();
        plot.Add.Bars(positions, [.. values]);
        plot.Axes.Bottom.SetTicks(positions, [.. labels]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = labels.Any(l => l.Length > 4) ? 45 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = labels.Any(l => l.Length > 4) ? Alignment.MiddleLeft : Alignment.UpperCenter;
        plot.Axes.Margins(bottom: 0);
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        plot.SavePng(Path.Combine(folder, file), 640, 480);
        return file;
    }
}
