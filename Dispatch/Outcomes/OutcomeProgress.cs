using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Dispatch.Outcomes;

/// <summary>How far a quarter's outcome reporting has come: which worklist entries have an accepted outcome on record.</summary>
public static class OutcomeProgress
{
    /// <summary>
    /// Worklist ids of <paramref name="quarter"/> with at least one accepted outcome in the append-only history, for
    /// <paramref name="sigunguCode"/> only. Empty when nothing was imported yet.
    /// </summary>
    public static IReadOnlySet<string> ReportedWorklistIds(DataRoot root, Quarter quarter, string sigunguCode)
    {
        ArgumentNullException.ThrowIfNull(root);
        var path = Path.Combine(root.OutcomesFolder(quarter), "outcome-history.csv");
        return OutcomeHistory.Read(path)
            .Where(h => h.Entry.SigunguCode == sigunguCode && h.Entry.WorklistId is { Length: > 0 })
            .Select(h => h.Entry.WorklistId!)
            .ToHashSet(StringComparer.Ordinal);
    }
}
