using BlindSpot.Scoring.Backtest;

namespace BlindSpot.Scoring.Tests.Backtest;

[TestFixture]
internal sealed class AuditPowerTests
{
    [Test]
    public void RequiredShare_HandComputed_MatchesTheFormula()
    {
        // k = 1,000, D⁺ = 100, Δ = 0.05: 7.849 × 100 / (50²) = 0.31396; three folds divide it by three.
        Assert.That(AuditPower.RequiredShare(1_000, 100, 0.05), Is.EqualTo(0.31396).Within(1e-9));
        Assert.That(AuditPower.RequiredShare(1_000, 100, -0.05, folds: 3), Is.EqualTo(0.31396 / 3).Within(1e-9));
        Assert.That(AuditPower.RequiredShare(1_000, 100, 0), Is.EqualTo(double.PositiveInfinity));
    }

    [Test]
    public void DetectableDifference_AtTheRequiredShare_IsTheDifferenceAgain()
    {
        var share = AuditPower.RequiredShare(12_293, 2_950, 0.03, folds: 3);

        Assert.That(AuditPower.DetectableDifference(12_293, 2_950, share, folds: 3), Is.EqualTo(0.03).Within(1e-12));
    }
}
