using BlindSpot.Dispatch.Outcomes;

namespace BlindSpot.Dispatch.Tests.Outcomes;

public sealed class OutcomeCodeTests
{
    // The first three codes and their words must keep importing: old files hold only those.
    [TestCase("supported", OutcomeCode.Supported)]
    [TestCase("Not_Eligible", OutcomeCode.NotEligible)]
    [TestCase("연락불가", OutcomeCode.Unreachable)]
    [TestCase("지원연계", OutcomeCode.Supported)]
    // The categories the real system records, in the words officials write (spaces inside ignored).
    [TestCase("기초생활보장", OutcomeCode.SupportedLivelihood)]
    [TestCase("긴급 지원", OutcomeCode.SupportedEmergency)]
    [TestCase("서비스연계", OutcomeCode.SupportedService)]
    [TestCase("민간자원 연계", OutcomeCode.SupportedPrivate)]
    [TestCase("학대신고", OutcomeCode.SupportedProtection)]
    [TestCase("기수급", OutcomeCode.AlreadyReceiving)]
    [TestCase("거부", OutcomeCode.Refused)]
    [TestCase("전출", OutcomeCode.Moved)]
    [TestCase("기타", OutcomeCode.Other)]
    [TestCase("ALREADY_RECEIVING", OutcomeCode.AlreadyReceiving)]
    public void Parse_KnownWord_GivesItsCode(string text, string expected)
    {
        Assert.That(OutcomeCode.Parse(text), Is.EqualTo(expected));
    }

    [TestCase("maybe")]
    [TestCase("supported_other")]
    [TestCase("")]
    public void Parse_UnknownWord_GivesNull(string text)
    {
        Assert.That(OutcomeCode.Parse(text), Is.Null);
    }

    [Test]
    public void Parse_EveryCodeAndItsKoreanWord_RoundTrip()
    {
        Assert.That(OutcomeCode.All.Select(OutcomeCode.Parse), Is.EqualTo(OutcomeCode.All));
        Assert.That(OutcomeCode.All.Select(c => OutcomeCode.Parse(OutcomeCode.Korean(c))), Is.EqualTo(OutcomeCode.All));
    }

    [Test]
    public void LabelOf_EachCode_IsPositiveForSupportNegativeForNothingToAddNoneOtherwise()
    {
        Assert.That(OutcomeCode.All.Where(c => OutcomeCode.LabelOf(c) == OutcomeLabel.Positive), Is.EqualTo(OutcomeCode.All.Where(OutcomeCode.IsSupported)));
        Assert.That(OutcomeCode.All.Where(c => OutcomeCode.LabelOf(c) == OutcomeLabel.Negative), Is.EquivalentTo(new[] { OutcomeCode.NotEligible, OutcomeCode.AlreadyReceiving }));
        Assert.That(OutcomeCode.All.Where(c => OutcomeCode.LabelOf(c) == OutcomeLabel.None), Is.EquivalentTo(new[] { OutcomeCode.Refused, OutcomeCode.Unreachable, OutcomeCode.Moved, OutcomeCode.Other }));
        Assert.That(() => OutcomeCode.LabelOf("maybe"), Throws.ArgumentException);
    }
}
