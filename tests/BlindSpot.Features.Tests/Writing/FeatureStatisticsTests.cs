using BlindSpot.Features.Writing;

namespace BlindSpot.Features.Tests.Writing;

public sealed class FeatureStatisticsTests
{
    // Lengths around the eight-lane width: none, a tail only, exact lanes, lanes plus a tail.
    [TestCase(0)]
    [TestCase(5)]
    [TestCase(8)]
    [TestCase(16)]
    [TestCase(29)]
    public void Add_Block_MatchesTheRowByRowDefinition(int length)
    {
        var values = Enumerable.Range(0, length).Select(i => i % 3 == 0 ? 0f : (i % 7) - 2.5f + (i * 0.125f)).ToArray();
        var statistics = new FeatureStatistics();

        statistics.Add(values);

        Assert.Multiple(() =>
        {
            Assert.That(statistics.Rows, Is.EqualTo(length));
            Assert.That(statistics.NonZero, Is.EqualTo(values.Count(v => v != 0f)));
            Assert.That(statistics.Sum, Is.EqualTo(values.Sum(v => (double)v)).Within(1e-9));
            Assert.That(statistics.Min, Is.EqualTo(length == 0 ? double.PositiveInfinity : values.Min()));
            Assert.That(statistics.Max, Is.EqualTo(length == 0 ? double.NegativeInfinity : values.Max()));
        });
    }

    [Test]
    public void Add_TwoBlocks_EqualsMergeOfEachBlock()
    {
        float[] first = [3f, -1f, 0f, 0f, 7.5f, 2f, 2f, 2f, 9f, -4f];
        float[] second = [0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 11f];
        var together = new FeatureStatistics();
        together.Add(first);
        together.Add(second);
        var a = new FeatureStatistics();
        a.Add(first);
        var b = new FeatureStatistics();
        b.Add(second);

        a.Merge(b);

        Assert.Multiple(() =>
        {
            Assert.That((together.Min, together.Max, together.NonZero, together.Rows), Is.EqualTo((-4d, 11d, 9L, 19L)));
            Assert.That((a.Min, a.Max, a.Sum, a.NonZero, a.Rows), Is.EqualTo((together.Min, together.Max, together.Sum, together.NonZero, together.Rows)));
        });
    }
}
