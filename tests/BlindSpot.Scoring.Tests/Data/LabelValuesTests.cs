using BlindSpot.Dispatch.Outcomes;
using BlindSpot.Scoring.Data;

namespace BlindSpot.Scoring.Tests.Data;

public sealed class LabelValuesTests
{
    [Test]
    public void Outcomes_AreDispatchsOutcomeCodes()
    {
        // Scoring may not reference Dispatch, so it repeats the words; this holds the two lists together.
        Assert.That(LabelValues.Outcomes, Is.EqualTo(OutcomeCode.All));
    }

    [Test]
    public void Label_EveryOutcome_AgreesWithDispatchsLabelOf()
    {
        foreach (var code in OutcomeCode.All)
        {
            bool? expected = OutcomeCode.LabelOf(code) switch
            {
                OutcomeLabel.Positive => true,
                OutcomeLabel.Negative => false,
                _ => null,
            };
            Assert.That(LabelValues.Label(code), Is.EqualTo(expected), code);
        }
    }

    [Test]
    public void Label_UnknownOutcome_IsAnErrorNotASilentNegative()
    {
        Assert.That(() => LabelValues.Label("supported_bogus"), Throws.InstanceOf<InvalidDataException>());
    }
}
