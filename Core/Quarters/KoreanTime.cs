namespace BlindSpot.Core.Quarters;

/// <summary>
/// Korean Standard Time, in which officials date their visits and count their deadlines: UTC+9. Korea keeps no daylight
/// saving time, so a fixed offset is exact and needs no time-zone data on the server.
/// </summary>
public static class KoreanTime
{
    /// <summary>UTC+9.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    /// <summary>Today's date in Korea by <paramref name="clock"/> (from 00:00 to 09:00 KST a day ahead of UTC's date).</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
    }
}
