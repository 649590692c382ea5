using BlindSpot.Scoring.Metrics;

namespace BlindSpot.Scoring.Tests.Metrics;

[TestFixture]
internal sealed class WilsonIntervalTests
{
    // Expected values by hand from the Wilson formula with z = 1.959964:
    // centre = (p + z²/2n) / (1 + z²/n), half = z / (1 + z²/n) · √(p(1−p)/n + z²/4n²).
    [TestCase(8, 10, 0.490162, 0.943318, Description = "8 of 10: centre 0.716740, half 0.226578; asymmetric around 0.8")]
    [TestCase(0, 10, 0.0, 0.277533, Description = "none of 10: the normal interval would collapse to 0–0")]
    [TestCase(10, 10, 0.722467, 1.0, Description = "all of 10: mirror of none")]
    [TestCase(1, 2, 0.094531, 0.905469, Description = "1 of 2: symmetric about 0.5")]
    public void Of_HandComputedCases_MatchTheFormula(int successes, int trials, double low, double high)
    {
        var (l, h) = WilsonInterval.Of(successes, trials);

        Assert.That(l, Is.EqualTo(low).Within(1e-6));
        Assert.That(h, Is.EqualTo(high).Within(1e-6));
    }

    [Test]
    public void Of_NoTrials_IsTheWholeRange() => Assert.That(WilsonInterval.Of(0, 0), Is.EqualTo((0.0, 1.0)));

    [Test]
    public void Of_MoreSuccessesThanTrials_Throws() =>
        Assert.That(() => WilsonInterval.Of(3, 2), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("3 successes of 2 trials"));
}
