using BlindSpot.Core.Catalog;
using BlindSpot.Scoring.Fairness;

namespace BlindSpot.Scoring.Tests.Fairness;

[TestFixture]
internal sealed class ParityMetricsTests
{
    /// <summary>
    /// Ten eligible people, one dimension. Group "a" (6 people, the reference: the largest): 1–6; listed 1, 2, 3;
    /// in crisis 1, 2, 4. Group "b" (4 people): 7–10; listed 7, 8; in crisis 7, 9, 10.
    /// a: TP 2, FP 1, FN 1, TN 2 → precision 2/3, recall 2/3, FDR 1/3, FOR 1/3.
    /// b: TP 1, FP 1, FN 2, TN 0 → precision 1/2, recall 1/3, FDR 1/2, FOR 2/2 = 1.
    /// Ratios b/a: precision 0.75, recall 0.5, FDR 1.5, FOR 3.
    /// </summary>
    [Test]
    public void Compute_TinyTable_RatesRatiosAndFlagsAsHandComputed()
    {
        var eligible = Enumerable.Range(1, 10).Select(k => ((long)k, new[] { k <= 6 ? "a" : "b" })).ToList();
        var listed = new HashSet<long> { 1, 2, 3, 7, 8 };
        var inCrisis = new HashSet<long> { 1, 2, 4, 7, 9, 10 };

        var groups = ParityMetrics.Compute(Variant.Child, ["sex"], eligible, listed, inCrisis, new ParityOptions { MinimumCount = 1 });

        var a = groups.Single(g => g.Group == "a");
        var b = groups.Single(g => g.Group == "b");
        Assert.That((a.Reference, b.Reference), Is.EqualTo((true, false)));
        Assert.That((a.Eligible, a.Listed, a.InCrisis, a.TruePositives), Is.EqualTo((6, 3, 3, 2)));
        Assert.That(new[] { a.Precision, a.Recall, a.FalseDiscoveryRate, a.FalseOmissionRate }, Is.EqualTo(new double?[] { 2 / 3.0, 2 / 3.0, 1 / 3.0, 1 / 3.0 }).Within(1e-12));
        Assert.That(new[] { b.Precision, b.Recall, b.FalseDiscoveryRate, b.FalseOmissionRate }, Is.EqualTo(new double?[] { 0.5, 1 / 3.0, 0.5, 1.0 }).Within(1e-12));
        Assert.That(new[] { b.PrecisionRatio, b.RecallRatio, b.FalseDiscoveryRatio, b.FalseOmissionRatio }, Is.EqualTo(new double?[] { 0.75, 0.5, 1.5, 3.0 }).Within(1e-12));
        Assert.That(b.Flags, Is.EqualTo(new[] { "precision", "recall", "false discovery", "false omission" }));
        Assert.That(a.Flags, Is.Empty);
        Assert.That(a.PrecisionRatio, Is.EqualTo(1.0));
    }

    [Test]
    public void Compute_WiderBand_OnlyTheRatiosOutsideItAreFlagged()
    {
        var eligible = Enumerable.Range(1, 10).Select(k => ((long)k, new[] { k <= 6 ? "a" : "b" })).ToList();

        var groups = ParityMetrics.Compute(Variant.Child, ["sex"], eligible, new HashSet<long> { 1, 2, 3, 7, 8 }, new HashSet<long> { 1, 2, 4, 7, 9, 10 },
            new ParityOptions { Low = 0.7, High = 1.6, MinimumCount = 1 });

        Assert.That(groups.Single(g => g.Group == "b").Flags, Is.EqualTo(new[] { "recall", "false omission" }));
    }

    [Test]
    public void Compute_GroupBelowMinimumCount_NoRateAndNoFlag()
    {
        var eligible = Enumerable.Range(1, 10).Select(k => ((long)k, new[] { k <= 6 ? "a" : "b" })).ToList();

        var groups = ParityMetrics.Compute(Variant.Child, ["sex"], eligible, new HashSet<long> { 1, 2, 3, 7, 8 }, new HashSet<long> { 1, 2, 4, 7, 9, 10 },
            new ParityOptions { MinimumCount = 3 });

        var b = groups.Single(g => g.Group == "b");
        Assert.That((b.Precision, b.PrecisionRatio, b.Recall), Is.EqualTo(((double?)null, (double?)null, 1 / 3.0)));
        Assert.That(b.Flags, Is.EqualTo(new[] { "recall" }), "recall has 3 in crisis behind it; FOR has 2 not listed, below 3");
    }
}
