using BlindSpot.Core.Quarters;

namespace BlindSpot.Core.Tests.Quarters;

public sealed class QuarterRangeTests
{
    [Test]
    public void Parse_Range_ListsEveryQuarterInOrder()
    {
        var range = QuarterRange.Parse("2025Q3..2026Q3");

        Assert.That(range.Select(q => q.ToString()), Is.EqualTo(new[] { "2025Q3", "2025Q4", "2026Q1", "2026Q2", "2026Q3" }));
        Assert.That(range, Has.Count.EqualTo(5));
        Assert.That(range[4], Is.EqualTo(new Quarter(2026, 3)));
    }

    [Test]
    public void Parse_SingleQuarter_IsARangeOfOne()
    {
        var range = QuarterRange.Parse("2026Q3");

        Assert.That(range, Has.Count.EqualTo(1));
        Assert.That(range.ToString(), Is.EqualTo("2026Q3"));
    }

    [Test]
    public void Parse_Backwards_ThrowsAndSuggestsTheRightOrder()
    {
        var error = Assert.Throws<FormatException>(() => QuarterRange.Parse("2026Q3..2025Q1"));

        Assert.That(error!.Message, Does.Contain("2025Q1..2026Q3"));
    }

    [Test]
    public void Enumerate_UpToTheLastSupportedQuarter_DoesNotOverflow()
    {
        var range = QuarterRange.Parse("2099Q3..2099Q4");

        Assert.That(range.Last(), Is.EqualTo(new Quarter(2099, 4)));
    }

    [Test]
    public void Contains_IsInclusive()
    {
        var range = QuarterRange.Parse("2025Q3..2026Q1");

        Assert.That(range.Contains(new Quarter(2025, 3)), Is.True);
        Assert.That(range.Contains(new Quarter(2026, 1)), Is.True);
        Assert.That(range.Contains(new Quarter(2026, 2)), Is.False);
    }
}
