using BlindSpot.Portal.Tests.TestSupport;
using BlindSpot.Portal.Worklists;

namespace BlindSpot.Portal.Tests.Worklists;

/// <summary>D-day and overdue, counted in Korean days from an injected clock.</summary>
public sealed class DeadlineTests
{
    private static readonly DateOnly Due = new(2026, 11, 29);

    [TestCase("2026-11-26T00:00:00Z", "D-3", false, TestName = "ThreeDaysBefore")]
    [TestCase("2026-11-29T14:59:59Z", "D-day", false, TestName = "TheDayItself_LastSecondInKorea")] // 23:59:59 KST
    [TestCase("2026-11-28T15:00:00Z", "D-day", false, TestName = "TheDayItself_AlreadyInKoreaWhileUtcIsTheDayBefore")] // 00:00 KST on the 29th
    [TestCase("2026-11-29T15:00:00Z", "D+1", true, TestName = "TheNextDayInKorea_IsOverdue")]
    [TestCase("2026-12-10T03:00:00Z", "D+11", true, TestName = "ElevenDaysLate")]
    public void Of_CountsKoreanDays(string utcNow, string label, bool overdue)
    {
        var clock = new ManualTime(DateTimeOffset.Parse(utcNow, System.Globalization.CultureInfo.InvariantCulture));

        var deadline = Deadline.Of(Due, Deadline.Today(clock));

        Assert.That((deadline.Label, deadline.Overdue), Is.EqualTo((label, overdue)));
    }
}
