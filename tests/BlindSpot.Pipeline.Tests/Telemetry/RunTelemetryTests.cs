using System.Diagnostics;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Runs;
using BlindSpot.Core.Telemetry;
using BlindSpot.Ingestion.Reporting;
using BlindSpot.Pipeline.Tests.TestSupport;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace BlindSpot.Pipeline.Tests.Telemetry;

/// <summary>
/// A sample quarter run seen through OpenTelemetry's in-memory exporters: one trace for the run (its id derived from the
/// run id) with a span per stage job, and metrics whose values are the run's own reconciliation — rows per feed as the
/// ingest report counts them, candidates and selections per variant as the manifest records them.
/// </summary>
[NonParallelizable]
public sealed class RunTelemetryTests
{
    [Test]
    public async Task Run_Sample_EmitsOneTraceWithASpanPerStageAndTheRunsCountsAsMetrics()
    {
        var root = await SampleRoot.CopyAsync();
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(BlindSpotTelemetry.Name).AddInMemoryExporter(spans).Build();
        using var metering = Sdk.CreateMeterProviderBuilder().AddMeter(BlindSpotTelemetry.Name).AddInMemoryExporter(metrics).Build();
        await using var pipeline = new TestPipeline(root, SampleRoot.Models);

        var (outcome, _) = await pipeline.RunAsync(SampleRoot.Quarter);
        tracing!.ForceFlush();
        metering!.ForceFlush();

        Assert.That(outcome.Succeeded, Is.True, outcome.Error);
        var dataRoot = new DataRoot(root);
        var quarter = Quarter.Parse(SampleRoot.Quarter);
        var manifest = RunManifest.LoadOrCreate(dataRoot.RunManifest(quarter), SampleRoot.Quarter);
        var report = IngestReport.Load(dataRoot.IngestReport(quarter))!;
        var trace = BlindSpotTelemetry.RunContext(outcome.Ticket.RunId).TraceId;
        var runSpans = spans.Where(s => s.TraceId == trace).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(runSpans.Select(s => s.GetTagItem("blindspot.job")), Is.EquivalentTo(new[] { "ingest", "features", "score", "dispatch", "discovery-index", "report" }));
            Assert.That(runSpans.Select(s => s.GetTagItem("blindspot.stage.outcome")), Is.All.EqualTo("ran"));
            Assert.That(runSpans.Single(s => (string?)s.GetTagItem("blindspot.job") == "dispatch").GetTagItem("blindspot.count.entries"), Is.EqualTo(manifest.Find("dispatch")!.Counts["entries"]));
            Assert.That(Sums(metrics, "blindspot.ingest.rows.read", "feed"), Is.EqualTo(report.All.ToDictionary(f => f.Feed, f => f.RowsRead)));
            Assert.That(Sums(metrics, "blindspot.ingest.rows.accepted", "feed"), Is.EqualTo(report.All.ToDictionary(f => f.Feed, f => f.Accepted)));
            Assert.That(Sums(metrics, "blindspot.ingest.rows.quarantined", "feed"), Is.EqualTo(report.All.ToDictionary(f => f.Feed, f => f.Rejected)));
            Assert.That(Sums(metrics, "blindspot.score.candidates", "variant"), Is.EqualTo(PerVariant(manifest.Find("score")!, ".candidates")));
            Assert.That(Sums(metrics, "blindspot.dispatch.entries", "variant"), Is.EqualTo(PerVariant(manifest.Find("dispatch")!, ".selected")));
            Assert.That(Sums(metrics, "blindspot.stage.runs", "stage"), Is.EqualTo(new Dictionary<string, long> { ["ingest"] = 1, ["features"] = 1, ["score"] = 1, ["dispatch"] = 1, ["discovery-index"] = 1, ["report"] = 1 }));
            Assert.That(Counts(metrics, "blindspot.stage.duration", "stage").Keys, Is.EquivalentTo(new[] { "ingest", "features", "score", "dispatch", "discovery-index", "report" }));
        });
    }

    private static Dictionary<string, long> PerVariant(StageRecord record, string suffix) =>
        record.Counts.Where(c => c.Key.EndsWith(suffix, StringComparison.Ordinal)).ToDictionary(c => c.Key[..^suffix.Length], c => c.Value);

    /// <summary>The last export of a counter, summed by one tag, for this test's quarter.</summary>
    private static Dictionary<string, long> Sums(List<Metric> metrics, string name, string tag)
    {
        var sums = new Dictionary<string, long>();
        foreach (var point in Points(metrics, name))
        {
            var key = Tag(point, tag);
            sums[key] = sums.GetValueOrDefault(key) + point.GetSumLong();
        }

        return sums;
    }

    private static Dictionary<string, long> Counts(List<Metric> metrics, string name, string tag)
    {
        var counts = new Dictionary<string, long>();
        foreach (var point in Points(metrics, name))
        {
            var key = Tag(point, tag);
            counts[key] = counts.GetValueOrDefault(key) + point.GetHistogramCount();
        }

        return counts;
    }

    private static List<MetricPoint> Points(List<Metric> metrics, string name)
    {
        var points = new List<MetricPoint>();
        foreach (var point in metrics.Last(m => m.Name == name).GetMetricPoints())
        {
            if (Tag(point, "quarter") == SampleRoot.Quarter)
            {
                points.Add(point);
            }
        }

        return points;
    }

    private static string Tag(MetricPoint point, string name)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == name)
            {
                return tag.Value?.ToString() ?? "";
            }
        }

        return "";
    }
}
