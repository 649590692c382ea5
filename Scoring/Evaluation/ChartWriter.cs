using ScottPlot;

namespace BlindSpot.Scoring.Evaluation;

/// <summary>ROC, precision–recall, calibration and cumulative-gain (lift) charts as PNG, model beside the rule baseline and random.</summary>
internal static class ChartWriter
{
    private const int MaxPoints = 400;

    /// <summary>Writes the four charts into <paramref name="folder"/> and returns their file names.</summary>
    public static IReadOnlyList<string> Write(string folder, float[] model, float[]? rule, bool[] labels, IReadOnlyList<ReliabilityBin> reliability)
    {
        var curves = new List<(string Name, Curve Curve)> { ("model", Curve.Of(model, labels)) };
        if (rule is not null)
        {
            curves.Add(("rule (crisis count)", Curve.Of(rule, labels)));
        }

        var files = new List<string>
        {
            Save(folder, "roc.png", "ROC", "false positive rate", "true positive rate", curves.Select(c => (c.Name, c.Curve.Fpr, c.Curve.Tpr)), diagonal: true),
            Save(folder, "pr.png", "Precision–recall", "recall", "precision", curves.Select(c => (c.Name, c.Curve.Tpr, c.Curve.Precision)), diagonal: false),
            Save(folder, "lift.png", "Cumulative gain (lift)", "share of people visited, best first", "share of positives found", curves.Select(c => (c.Name, c.Curve.Depth, c.Curve.Tpr)), diagonal: true),
            Save(folder, "calibration.png", "Calibration on the labelled rows", "mean " + ScoreText.Label, "observed supported rate",
                [("model", reliability.Where(b => b.Rows > 0).Select(b => b.MeanPredicted).ToArray(), reliability.Where(b => b.Rows > 0).Select(b => b.ObservedRate).ToArray())], diagonal: true),
        };
        return files;
    }

    private static string Save(string folder, string file, string title, string x, string y, IEnumerable<(string Name, double[] X, double[] Y)> series, bool diagonal)
    {
        var plot = new Plot();
        foreach (var (name, xs, ys) in series)
        {
            var scatter = plot.Add.Scatter(xs, ys);
            scatter.LegendText = name;
            scatter.MarkerSize = 0;
        }

        if (diagonal)
        {
            var line = plot.Add.Line(0, 0, 1, 1);
            line.LegendText = "random";
            line.LinePattern = LinePattern.Dashed;
        }

        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
        plot.ShowLegend();
        plot.SavePng(Path.Combine(folder, file), 640, 480);
        return file;
    }

    /// <summary>Points of the ROC/PR/gain curves, walking the ranking best first, thinned to at most <see cref="MaxPoints"/>.</summary>
    private sealed record Curve(double[] Fpr, double[] Tpr, double[] Precision, double[] Depth)
    {
        public static Curve Of(float[] scores, bool[] labels)
        {
            var order = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ThenBy(i => i).ToArray();
            var positives = Math.Max(1, labels.Count(l => l));
            var negatives = Math.Max(1, labels.Length - labels.Count(l => l));
            var step = Math.Max(1, order.Length / MaxPoints);
            List<double> fpr = [0], tpr = [0], precision = [1], depth = [0];
            int tp = 0, fp = 0;
            for (var i = 0; i < order.Length; i++)
            {
                if (labels[order[i]])
                {
                    tp++;
                }
                else
                {
                    fp++;
                }

                if ((i + 1) % step == 0 || i == order.Length - 1)
                {
                    fpr.Add((double)fp / negatives);
                    tpr.Add((double)tp / positives);
                    precision.Add((double)tp / (i + 1));
                    depth.Add((double)(i + 1) / order.Length);
                }
            }

            return new Curve([.. fpr], [.. tpr], [.. precision], [.. depth]);
        }
    }
}
