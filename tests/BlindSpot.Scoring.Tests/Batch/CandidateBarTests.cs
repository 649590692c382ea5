using BlindSpot.Scoring.Batch;

namespace BlindSpot.Scoring.Tests.Batch;

[TestFixture]
internal sealed class CandidateBarTests
{
    [Test]
    public void Count_ScoresInChunks_BarNeverAboveTheKthBestAndOnlyRises()
    {
        const int K = 500;
        var bar = new CandidateBar(K);
        var random = new Random(7);
        var seen = new List<float>();
        var previous = float.NegativeInfinity;

        for (var chunk = 0; chunk < 40; chunk++)
        {
            // Probabilities with many exact ties, as 100 trees of 8 leaves give.
            var scores = Enumerable.Range(0, 257).Select(_ => (float)Math.Round(random.NextDouble(), 3)).ToArray();
            bar.Count(scores);
            seen.AddRange(scores);

            var kthBest = seen.Count >= K ? seen.OrderDescending().ElementAt(K - 1) : float.NegativeInfinity;
            Assert.That(bar.Value, Is.LessThanOrEqualTo(kthBest), $"chunk {chunk}: the top k must all stay at or above the bar");
            Assert.That(bar.Value, Is.GreaterThanOrEqualTo(previous), $"chunk {chunk}: the bar only rises");
            previous = bar.Value;
        }

        // With 10,280 rows seen the bar is close below the 500th best (bins are 1/128 of the value wide).
        Assert.That(bar.Value, Is.GreaterThan(seen.OrderDescending().ElementAt(K - 1) * 0.99f));
    }

    [Test]
    public void Count_FewerThanKRows_NoBar()
    {
        var bar = new CandidateBar(10);

        bar.Count([0.9f, 0.8f, float.NaN]);

        Assert.That(bar.Value, Is.EqualTo(float.NegativeInfinity));
    }
}
