using BlindSpot.Pipeline.Reporting;

namespace BlindSpot.Pipeline.Tests.Reporting;

public sealed class PopulationStabilityTests
{
    [Test]
    public void Index_IdenticalDistributions_IsZero() =>
        Assert.That(PopulationStability.Index([120, 30, 50, 0], [120, 30, 50, 0]), Is.Zero);

    [Test]
    public void Index_SameSharesDifferentSizes_IsZero() =>
        Assert.That(PopulationStability.Index([10, 30, 60], [100, 300, 600]), Is.EqualTo(0).Within(1e-12));

    // By hand: shares 0.5/0.5 → 0.25/0.75: (0.25 − 0.5)·ln(0.25/0.5) + (0.75 − 0.5)·ln(0.75/0.5) = 0.25·ln 2 + 0.25·ln 1.5 = 0.274653.
    [Test]
    public void Index_KnownShift_IsTheHandComputedValue() =>
        Assert.That(PopulationStability.Index([50, 50], [25, 75]), Is.EqualTo(0.274653).Within(1e-6));

    // An empty bin stands for a share of 0.0001: 1.0/0 → 0.5/0.5 gives (0.5 − 1)·ln(0.5/1) + (0.5 − 0.0001)·ln(0.5/0.0001).
    [Test]
    public void Index_BinEmptyLastQuarter_UsesTheEmptyShare()
    {
        var expected = (-0.5 * Math.Log(0.5)) + ((0.5 - 0.0001) * Math.Log(0.5 / 0.0001));

        Assert.That(PopulationStability.Index([100, 0], [50, 50]), Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void Index_DifferentBinCounts_Throws() =>
        Assert.That(() => PopulationStability.Index([1, 2], [1, 2, 3]), Throws.ArgumentException.With.Message.Contains("same bins"));

    [TestCase(0.05, "stable")]
    [TestCase(0.1, "moderate shift")]
    [TestCase(0.3, "major shift")]
    public void Reading_Index_NamesTheBand(double index, string reading) => Assert.That(PopulationStability.Reading(index), Is.EqualTo(reading));
}
