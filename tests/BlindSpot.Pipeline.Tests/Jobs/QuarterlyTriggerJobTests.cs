using BlindSpot.Pipeline.Jobs;

namespace BlindSpot.Pipeline.Tests.Jobs;

public sealed class QuarterlyTriggerJobTests
{
    private static readonly TimeZoneInfo Seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    // 02:00 on 1 October in Seoul is still 30 September in UTC: the quarter just ended is Q3 either way, but the date
    // must be read in Seoul, or a run at 01:00 Seoul on 1 January would be read as 31 December and pick Q3 instead of Q4.
    [TestCase("2026-09-30T17:00:00Z", "2026Q3")]
    [TestCase("2025-12-31T17:00:00Z", "2025Q4")]
    [TestCase("2026-04-01T02:00:00+09:00", "2026Q1")]
    public void QuarterJustEnded_InSeoul_IsThePreviousQuarter(string now, string expected)
    {
        var quarter = QuarterlyTriggerJob.QuarterJustEnded(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), Seoul);

        Assert.That(quarter.ToString(), Is.EqualTo(expected));
    }
}
