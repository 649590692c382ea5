using BlindSpot.Features.Aggregation;

namespace BlindSpot.Features.Tests.Aggregation;

/// <summary>The window arithmetic on a unit's quarter bits (bit 0 = this quarter, bit k = k quarters back).</summary>
public sealed class FeedHistoryTests
{
    [TestCase(0b0000, 0, 0, 0)] // no record in the window
    [TestCase(0b0001, 1, 1, 1)] // new this quarter: rising
    [TestCase(0b1000, 1, -1, 0)] // only three back: fading, no streak
    [TestCase(0b0011, 2, 2, 2)]
    [TestCase(0b1011, 3, 1, 2)] // the hand-computed telecom case of HistoryFeatureTests
    [TestCase(0b1111, 4, 0, 4)] // every quarter: persistent, flat
    [TestCase(0b0110, 2, 0, 0)] // a gap this quarter breaks the streak
    public void WindowValues_FromQuarterBits_MatchTheirDefinitions(int mask, int quarters, int trend, int streak)
    {
        var bits = (byte)mask;

        Assert.Multiple(() =>
        {
            Assert.That(FeedHistory.QuartersIn4(bits), Is.EqualTo(quarters));
            Assert.That(FeedHistory.Trend(bits), Is.EqualTo(trend));
            Assert.That(FeedHistory.Streak(bits), Is.EqualTo(streak));
        });
    }
}
