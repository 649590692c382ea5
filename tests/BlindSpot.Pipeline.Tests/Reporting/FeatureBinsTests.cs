using BlindSpot.Pipeline.Reporting;

namespace BlindSpot.Pipeline.Tests.Reporting;

public sealed class FeatureBinsTests
{
    private static readonly FeatureBins Bins = new(Min: -1, Max: 9, Width: 10);

    // Zero has its own bin; the range [-1, 9] is split into ten bins of width 1 (bins 1..10); outside values go to the ends; NaN last.
    [TestCase(0f, 0)]
    [TestCase(-1f, 1)]
    [TestCase(-0.5f, 1)]
    [TestCase(0.5f, 2)]
    [TestCase(8.99f, 10)]
    [TestCase(9f, 10)]
    [TestCase(-5f, 1)]
    [TestCase(100f, 10)]
    [TestCase(float.NaN, 11)]
    public void Of_Value_FallsInItsBin(float value, int bin) => Assert.That(Bins.Of(value), Is.EqualTo(bin));

    [Test]
    public void Of_FeatureConstantLastQuarter_PutsNonZeroValuesInTheFirstRangeBin() =>
        Assert.That(new FeatureBins(3, 3).Of(7f), Is.EqualTo(1));
}
