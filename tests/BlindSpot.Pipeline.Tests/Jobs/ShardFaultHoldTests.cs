using BlindSpot.Pipeline.Jobs;

namespace BlindSpot.Pipeline.Tests.Jobs;

public sealed class ShardFaultHoldTests
{
    [Test]
    public void Parse_Milliseconds_HoldsThatLong() =>
        Assert.That(ShardFaultHold.Parse("1500").Hold, Is.EqualTo(TimeSpan.FromMilliseconds(1500)));

    // A stray large value must not stall a production run: the hold stops at the cap.
    [Test]
    public void Parse_AboveTheCap_HoldsTheCap() =>
        Assert.That(ShardFaultHold.Parse("999999").Hold, Is.EqualTo(ShardFaultHold.Longest));

    // Unset (production), zero, negative or not a number: no hold at all.
    [TestCase(null)]
    [TestCase("")]
    [TestCase("0")]
    [TestCase("-5")]
    [TestCase("30s")]
    public void Parse_NotAPositiveNumber_None(string? value) =>
        Assert.That(ShardFaultHold.Parse(value), Is.SameAs(ShardFaultHold.None));

    [Test]
    public void WaitAsync_None_CompletesAtOnce() =>
        Assert.That(ShardFaultHold.None.WaitAsync(CancellationToken.None).IsCompleted, Is.True);
}
