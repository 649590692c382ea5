using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Dispatch.Outcomes;

/// <summary>How far a quarter's outcome reporting has come: which worklist entries have an accepted outcome on record.</summary>
public static class OutcomeProgress
{
    /// <summary>The quarter's append-only outcome history (<c>outcomes/&lt;Q&gt;/outcome-history.csv</c>); it may not exist yet.</summary>
    public static string HistoryFile(DataRoot root, Quarter quarter)
    {
        ArgumentNullException.ThrowIfNull(root);
        return Path.Combine(root.OutcomesFolder(quarter), "outcome-history.csv");
    }

    /// <summary>
    /// Worklist ids of <paramref name="quarter"/> with at least one accepted outcome in the append-only history, for
    /// <paramref name="sigunguCode"/> only. Empty when nothing was imported yet.
    /// </summary>
    public static IReadOnlySet<string> ReportedWorklistIds(DataRoot root, Quarter quarter, string sigunguCode) =>
        ReportedWorklistIdsBySigungu(root, quarter).TryGetValue(sigunguCode, out var ids) ? ids : new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Worklist ids with an accepted outcome, per 시군구 code, from one pass over the quarter's history: a caller that
    /// serves many 시군구 (the portal) reads the national file once instead of once per 시군구 and view.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> ReportedWorklistIdsBySigungu(DataRoot root, Quarter quarter)
    {
        var bySigungu = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var row in OutcomeHistory.Read(HistoryFile(root, quarter)))
        {
            if (row.Entry.WorklistId is not { Length: > 0 } id)
            {
                continue;
            }

            if (!bySigungu.TryGetValue(row.Entry.SigunguCode, out var ids))
            {
                bySigungu[row.Entry.SigunguCode] = ids = new HashSet<string>(StringComparer.Ordinal);
            }

            ids.Add(id);
        }

        return bySigungu.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// The (시군구 code, worklist id) of every accepted outcome in the history file after byte <paramref name="from"/>
    /// (0: the whole file, header included), up to the last complete line, and the offset after that line. The history
    /// is append-only, so a reader that remembers the offset reads each row once; a line still being written is left
    /// for the next call.
    /// </summary>
    public static (IReadOnlyList<(string SigunguCode, string WorklistId)> Rows, long End) ReportedSince(string path, long from) =>
        OutcomeHistory.ReadWorklistIdsSince(path, from);
}
