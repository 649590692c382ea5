using BlindSpot.Core.Catalog;
using BlindSpot.Core.Quarters;
using BlindSpot.Scoring.Backtest;
using BlindSpot.Scoring.Data;

namespace BlindSpot.Scoring.Tests.Backtest;

[TestFixture]
internal sealed class PairedBootstrapTests
{
    private static readonly BacktestRecipe[] Recipes = [new("a", 1, 2, 0.1, 1, 1), new("b", 2, 2, 0.1, 1, 1)];

    [Test]
    public void Measure_HandCheckedLists_PrecisionByTruthLabelsAndAudit()
    {
        // A lists 1, 2, 3; B lists 3, 4, 5. In crisis: 1, 3, 4. Labels: 1 supported (audit), 2 not eligible,
        // 4 supported, 5 refused (no label); 3 was never visited.
        long[][] lists = [[1, 2, 3], [3, 4, 5]];
        var truth = new Dictionary<long, (bool, float)> { [1] = (true, 0.9f), [2] = (false, 0.1f), [3] = (true, 0.8f), [4] = (true, 0.7f) };
        LabelRow[] labels = [new(1, "household", "supported", "audit"), new(2, "household", "not_eligible", "rule"), new(4, "household", "supported", "rule"), new(5, "household", "refused", "rule")];

        var (people, scores) = FoldOutcomes.Measure(Recipes, lists, truth, labels);

        Assert.That(people.Count, Is.EqualTo(5));
        Assert.That((scores[0].Truth, scores[0].Labels, scores[0].Audit), Is.EqualTo((new PrecisionEstimate(3, 2), new PrecisionEstimate(2, 1), new PrecisionEstimate(1, 1))));
        Assert.That((scores[1].Truth, scores[1].Labels, scores[1].Audit), Is.EqualTo((new PrecisionEstimate(3, 2), new PrecisionEstimate(1, 1), new PrecisionEstimate(0, 0))));
        Assert.That(scores[1].Audit.Value, Is.NaN);
    }

    [Test]
    public void Compare_SameLists_DifferenceAndIntervalZero()
    {
        long[] list = [.. Enumerable.Range(1, 100).Select(i => (long)i)];
        var result = Result(Fold(list, list, inCrisis: k => k % 3 == 0));

        var comparison = PairedBootstrap.Compare(result, BacktestMetric.Truth, 0, 1)!;

        Assert.That((comparison.Difference, comparison.Low, comparison.High), Is.EqualTo((0.0, 0.0, 0.0)));
        Assert.That(comparison.WorseBeyondNoise || comparison.BetterBeyondNoise, Is.False);
    }

    [Test]
    public void Compare_ListOfPositivesAgainstListOfNegatives_BetterBeyondNoiseAndTheReverseWorse()
    {
        long[] good = [.. Enumerable.Range(1, 50).Select(i => (long)i)];
        long[] bad = [.. Enumerable.Range(51, 50).Select(i => (long)i)];
        var result = Result(Fold(good, bad, inCrisis: k => k <= 50));

        var better = PairedBootstrap.Compare(result, BacktestMetric.Truth, 0, 1)!;
        var worse = PairedBootstrap.Compare(result, BacktestMetric.Truth, 1, 0)!;

        Assert.That((better.ValueA, better.ValueB, better.Low, better.High), Is.EqualTo((1.0, 0.0, 1.0, 1.0)));
        Assert.That(better.BetterBeyondNoise, Is.True);
        Assert.That(worse.WorseBeyondNoise, Is.True);
    }

    [Test]
    public void Compare_SmallDifferenceOnFewPeople_WithinNoiseAndIntervalAroundTheEstimate()
    {
        // 20 listed each, 10 shared; A's own 10 hold 6 in crisis, B's own 10 hold 5: a difference of 0.05 on 20 people.
        long[] a = [.. Enumerable.Range(1, 20).Select(i => (long)i)];
        long[] b = [.. Enumerable.Range(11, 20).Select(i => (long)i)];
        var result = Result(Fold(a, b, inCrisis: k => k <= 6 || (k > 10 && k <= 15) || (k > 20 && k <= 25)));

        var comparison = PairedBootstrap.Compare(result, BacktestMetric.Truth, 0, 1)!;

        Assert.That(comparison.Difference, Is.EqualTo(0.05).Within(1e-12));
        Assert.That(comparison.Low, Is.LessThan(0));
        Assert.That(comparison.High, Is.GreaterThan(0.05));
        Assert.That(comparison.WorseBeyondNoise || comparison.BetterBeyondNoise, Is.False);
        Assert.That(PairedBootstrap.Compare(result, BacktestMetric.Truth, 0, 1), Is.EqualTo(comparison), "seeded: the same interval every time");
    }

    private static BacktestFold Fold(long[] a, long[] b, Func<long, bool> inCrisis)
    {
        var truth = a.Concat(b).Distinct().ToDictionary(k => k, k => (inCrisis(k), 0.5f));
        var (people, scores) = FoldOutcomes.Measure(Recipes, [a, b], truth, []);
        return new BacktestFold(Quarter.Parse("2026Q2"), "2026Q1", 10, 5, scores) { People = people };
    }

    private static BacktestResult Result(BacktestFold fold) => new(Variant.Household, Recipes, [fold], []);
}
