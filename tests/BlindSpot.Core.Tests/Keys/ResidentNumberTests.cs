using BlindSpot.Core.Keys;

namespace BlindSpot.Core.Tests.Keys;

public sealed class ResidentNumberTests
{
    [Test]
    public void Create_GivesANumberThatValidates()
    {
        var number = ResidentNumber.Create(new DateOnly(1990, 1, 1), male: true, serial: 12345);

        Assert.That(number, Does.StartWith("900101-1"));
        Assert.That(ResidentNumber.Validate(number), Is.Null);
    }

    [Test]
    public void Create_BornIn2000s_UsesCenturyDigitThreeOrFour()
    {
        Assert.That(ResidentNumber.Create(new DateOnly(2012, 5, 17), male: false, serial: 1)[7], Is.EqualTo('4'));
        Assert.That(ResidentNumber.Create(new DateOnly(2012, 5, 17), male: true, serial: 1)[7], Is.EqualTo('3'));
    }

    [Test]
    public void Validate_WrongCheckDigit_SaysSo()
    {
        var number = ResidentNumber.Create(new DateOnly(1985, 12, 31), male: false, serial: 4242);
        var wrong = number[..13] + (char)('0' + ((number[13] - '0' + 1) % 10));

        Assert.That(ResidentNumber.Validate(wrong), Does.Contain("check digit"));
    }

    [TestCase("9001011234567", "form")] // no hyphen
    [TestCase("900101-12345", "form")] // too short
    [TestCase("900231-1234567", "birth date")] // 31 February
    [TestCase("900101-9234567", "7th digit")] // not a resident's century digit
    [TestCase("90O101-1234567", "digits")] // letter O for zero
    public void Validate_Malformed_NamesTheRule(string text, string rule)
    {
        Assert.That(ResidentNumber.Validate(text), Does.Contain(rule));
    }

    [Test]
    public void Mask_KeepsBirthDateAndCenturyDigitOnly()
    {
        Assert.That(ResidentNumber.Mask("900101-1234567"), Is.EqualTo("900101-1******"));
    }
}
