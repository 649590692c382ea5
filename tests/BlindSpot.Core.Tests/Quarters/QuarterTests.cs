using BlindSpot.Core.Quarters;

namespace BlindSpot.Core.Tests.Quarters;

public sealed class QuarterTests
{
    [TestCase("2026Q3", 2026, 3)]
    [TestCase("2026q1", 2026, 1)] // lower case is what people type
    [TestCase(" 2025Q4 ", 2025, 4)] // surrounding blanks from copied text
    [TestCase("2026-Q2", 2026, 2)] // the hyphenated form some reports use
    public void Parse_ValidText_GivesYearAndNumber(string text, int year, int number)
    {
        var quarter = Quarter.Parse(text);

        Assert.That((quarter.Year, quarter.Number), Is.EqualTo((year, number)));
    }

    [TestCase("2026Q5")] // only four quarters
    [TestCase("2026Q0")]
    [TestCase("26Q3")] // two-digit years are ambiguous
    [TestCase("2026")]
    [TestCase("1999Q1")] // before the supported range
    [TestCase("")]
    public void Parse_InvalidText_ThrowsNamingTheRule(string text)
    {
        var error = Assert.Throws<FormatException>(() => Quarter.Parse(text));

        Assert.That(error!.Message, Does.Contain("YYYYQn"));
    }

    [Test]
    public void ToString_RoundTripsThroughParse()
    {
        var quarter = new Quarter(2026, 3);

        Assert.That(Quarter.Parse(quarter.ToString()), Is.EqualTo(quarter));
        Assert.That(quarter.ToString(), Is.EqualTo("2026Q3"));
    }

    [Test]
    public void Days_CoverTheQuarterExactly()
    {
        var q1 = new Quarter(2024, 1);

        Assert.That(q1.FirstDay, Is.EqualTo(new DateOnly(2024, 1, 1)));
        Assert.That(q1.LastDay, Is.EqualTo(new DateOnly(2024, 3, 31)));
        Assert.That(new Quarter(2026, 3).LastDay, Is.EqualTo(new DateOnly(2026, 9, 30)));
        Assert.That(new Quarter(2026, 4).AsOf, Is.EqualTo(new DateOnly(2026, 12, 31)));
    }

    [Test]
    public void PreviousAndNext_CrossYearBoundaries()
    {
        Assert.That(new Quarter(2026, 1).Previous, Is.EqualTo(new Quarter(2025, 4)));
        Assert.That(new Quarter(2025, 4).Next, Is.EqualTo(new Quarter(2026, 1)));
        Assert.That(new Quarter(2025, 2).AddQuarters(-6), Is.EqualTo(new Quarter(2023, 4)));
    }

    [Test]
    public void Containing_FindsTheQuarterOfADate()
    {
        Assert.That(Quarter.Containing(new DateOnly(2026, 9, 30)), Is.EqualTo(new Quarter(2026, 3)));
        Assert.That(Quarter.Containing(new DateOnly(2026, 10, 1)), Is.EqualTo(new Quarter(2026, 4)));
    }

    [Test]
    public void Ordering_FollowsTime()
    {
        Assert.That(new Quarter(2025, 4), Is.LessThan(new Quarter(2026, 1)));
        Assert.That(new Quarter(2025, 1).QuartersUntil(new Quarter(2026, 3)), Is.EqualTo(6));
    }

    [Test]
    public void Constructor_RejectsQuarterFive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new Quarter(2026, 5));
    }
}
