using BlindSpot.Core.Quarters;

namespace BlindSpot.Portal.Worklists;

/// <summary>
/// A worklist's reply deadline as the officer reads it: the due date, days left and whether it has passed, counted in
/// Korean days (UTC+9; Korea keeps no daylight saving time, so a fixed offset needs no time-zone data on the server).
/// </summary>
public readonly record struct Deadline(DateOnly Due, int DaysLeft)
{
    /// <summary>True once the due date has passed (the day itself still counts as in time).</summary>
    public bool Overdue => DaysLeft < 0;

    /// <summary>D-3, D-day, D+2: the way Korean offices count to and past a deadline.</summary>
    public string Label => DaysLeft switch
    {
        > 0 => $"D-{DaysLeft}",
        0 => "D-day",
        _ => $"D+{-DaysLeft}",
    };

    /// <summary>Today in Korea by <paramref name="clock"/>.</summary>
    public static DateOnly Today(TimeProvider clock) => KoreanTime.Today(clock);

    /// <summary>The deadline <paramref name="due"/> seen on <paramref name="today"/>.</summary>
    public static Deadline Of(DateOnly due, DateOnly today) => new(due, due.DayNumber - today.DayNumber);
}
