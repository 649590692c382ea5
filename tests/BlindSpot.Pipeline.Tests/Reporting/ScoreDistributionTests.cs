using BlindSpot.Pipeline.Reporting;

namespace BlindSpot.Pipeline.Tests.Reporting;

public sealed class ScoreDistributionTests
{
    [Test]
    public void Histogram_Scores_CountsInTwentyBinsWithOneInTheLast()
    {
        var histogram = ScoreDistribution.Histogram([0f, 0.01f, 0.05f, 0.5f, 0.97f, 1f]);

        Assert.That(histogram, Has.Length.EqualTo(20));
        Assert.That((histogram[0], histogram[1], histogram[10], histogram[19]), Is.EqualTo((2L, 1L, 1L, 2L)));
        Assert.That(histogram.Sum(), Is.EqualTo(6));
    }

    // Nearest rank on 1..10: the median is the 5th value, p90 the 9th, p99 the 10th.
    [TestCase(0.5, 5f)]
    [TestCase(0.9, 9f)]
    [TestCase(0.99, 10f)]
    public void Quantile_SortedValues_NearestRank(double q, float value) =>
        Assert.That(ScoreDistribution.Quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], q), Is.EqualTo(value));
}
