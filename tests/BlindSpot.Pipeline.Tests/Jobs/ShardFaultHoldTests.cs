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
        Assert.That(ShardFaultHold.None.WaitAsync(PipelineStages.Score, CancellationToken.None).IsCompleted, Is.True);

    // The stage variable unset: score's shards are held, as before the hold could name a stage.
    [Test]
    public void Parse_NoStage_HoldsScorePartsOnly()
    {
        var hold = ShardFaultHold.Parse("1500");

        Assert.That(hold.Stage, Is.EqualTo(PipelineStages.Score));
        Assert.That(hold.WaitAsync(PipelineStages.Features, CancellationToken.None).IsCompleted, Is.True, "another stage's parts are not held");
    }

    [Test]
    public void WaitAsync_TheNamedStage_Holds_AndOtherStagesNot()
    {
        var hold = ShardFaultHold.Parse("60000", PipelineStages.Features);
        using var cancel = new CancellationTokenSource();

        var features = hold.WaitAsync(PipelineStages.Features, cancel.Token);
        var score = hold.WaitAsync(PipelineStages.Score, cancel.Token);

        Assert.That(score.IsCompleted, Is.True);
        Assert.That(features.IsCompleted, Is.False, "held until the hold passes or the job is cancelled");
        cancel.Cancel();
        Assert.That(() => features.Wait(TimeSpan.FromSeconds(5)), Throws.InstanceOf<AggregateException>(), "cancelled with its job");
    }

    // The two-workers test holds the parts of two stages, so both processes take parts of each.
    [Test]
    public void WaitAsync_TwoStagesNamed_HoldsBoth_AndOthersNot()
    {
        var hold = ShardFaultHold.Parse("60000", "score, dispatch");
        using var cancel = new CancellationTokenSource();

        var score = hold.WaitAsync(PipelineStages.Score, cancel.Token);
        var dispatch = hold.WaitAsync(PipelineStages.Dispatch, cancel.Token);
        var features = hold.WaitAsync(PipelineStages.Features, cancel.Token);

        Assert.That(features.IsCompleted, Is.True, "a stage not named is not held");
        Assert.That(score.IsCompleted || dispatch.IsCompleted, Is.False, "both named stages are held");
        cancel.Cancel();
    }
}
