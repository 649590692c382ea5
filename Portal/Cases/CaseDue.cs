using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch;

namespace BlindSpot.Portal.Cases;

/// <summary>
/// When the cases the portal makes itself are due, counted like a worklist entry's 결과회신기한 from the quarter's
/// dispatch calendar (<see cref="DispatchCalendar"/>: the 배부일 and the days after it the dispatch stage recorded).
/// </summary>
internal static class CaseDue
{
    /// <summary>
    /// A case added on <paramref name="today"/> (the portal's Korean day: own discovery, 신고): that day + the quarter's
    /// due days. Counted from the dispatch date instead when the case is added before it (a case cannot be due before the
    /// quarter's own list).
    /// </summary>
    public static DateOnly AddedOn(DataRoot root, Quarter quarter, DateOnly today)
    {
        var calendar = DispatchCalendar.Of(root, quarter);
        return (today > calendar.DispatchDate ? today : calendar.DispatchDate).AddDays(calendar.OutcomeDueDays);
    }

    /// <summary>A case carried into <paramref name="quarter"/> (지속관리): due with that quarter's list, from its dispatch date.</summary>
    public static DateOnly Carried(DataRoot root, Quarter quarter) => DispatchCalendar.Of(root, quarter).Due;
}
