using BlindSpot.Scoring.Metrics;

namespace BlindSpot.Scoring.Tests.Metrics;

[TestFixture]
internal sealed class RankOrderTests
{
    [Test]
    public void Descending_ScoresWithTiesNaNAndSignedZero_HigherFirstThenSmallerKey()
    {
        var random = new Random(3);
        var scores = Enumerable.Range(0, 2_000).Select(_ => random.Next(8) switch
        {
            0 => float.NaN,
            1 => -0f,
            2 => 0f,
            3 => float.NegativeInfinity,
            _ => (float)Math.Round((random.NextDouble() * 2) - 1, 2),
        }).ToArray();
        var keys = Enumerable.Range(0, scores.Length).Select(_ => random.NextInt64(long.MinValue, long.MaxValue)).ToArray();

        var order = RankOrder.Descending(scores, keys);

        // The rule spelled out with float comparisons: NaN ranks as −∞, −0 equals 0, ties by the smaller key.
        static float Effective(float s) => float.IsNaN(s) ? float.NegativeInfinity : s;
        var expected = Enumerable.Range(0, scores.Length).OrderByDescending(i => Effective(scores[i])).ThenBy(i => keys[i]).ToArray();
        Assert.That(order, Is.EqualTo(expected));
    }
}
