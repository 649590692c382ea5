using ScottPlot;

namespace BlindSpot.Pipeline.Reporting;

/// <summary>
/// The run report's bar charts as PNG (640×480, 800×480 horizontal) beside the report, in the style of Scoring's evaluation charts (title, axis
/// labels, ScottPlot defaults). Labels stay ASCII (codes, not Korean names): the chart font may have no Hangul.
/// </summary>
internal static class ReportCharts
{
    /// <summary>
    /// Writes a bar chart to <paramref name="folder"/>/<paramref name="file"/> and returns the file name. Horizontal
    /// bars (first label on top) suit long labels such as feature names; <paramref name="x"/> then names the bars' axis.
    /// </summary>
    public static string Bars(string folder, string file, string title, string x, string y, IReadOnlyList<string> labels, IReadOnlyList<double> values, bool horizontal = false)
    {
        var plot = new Plot();
        var positions = Enumerable.Range(0, values.Count).Select(i => horizontal ? values.Count - 1 - i : (double)i).ToArray();
        var bars = plot.Add.Bars(positions, [.. values]);
        bars.Horizontal = horizontal;
        if (horizontal)
        {
            plot.Axes.Left.SetTicks(positions, [.. labels]);
            plot.Axes.Margins(left: 0);
            plot.XLabel(y);
            plot.YLabel(x);
        }
        else
        {
            plot.Axes.Bottom.SetTicks(positions, [.. labels]);
            plot.Axes.Margins(bottom: 0);
            plot.XLabel(x);
            plot.YLabel(y);
        }

        plot.Title(title);
        plot.SavePng(Path.Combine(folder, file), horizontal ? 800 : 640, 480);
        return file;
    }
}
