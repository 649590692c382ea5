using System.Collections.Concurrent;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Outcomes;

namespace BlindSpot.Portal.Worklists;

/// <summary>
/// Which worklist entries have an outcome on record, per quarter and 시군구, read from the national outcome history once
/// and kept until that file changes. Without it every officer view parsed the whole national history (400k rows at
/// national scale: 1.1–1.6 s a page). Thread-safe.
/// </summary>
public sealed class ReportedOutcomes(DataRoot root)
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<Quarter, Snapshot> snapshots = new();

    /// <summary>Worklist ids of <paramref name="sigungu"/> in <paramref name="quarter"/> with an accepted outcome.</summary>
    public IReadOnlySet<string> Of(Quarter quarter, string sigungu) =>
        Current(quarter).BySigungu.TryGetValue(sigungu, out var ids) ? ids : None;

    private Snapshot Current(Quarter quarter)
    {
        var file = new FileInfo(OutcomeProgress.HistoryFile(root, quarter));
        // The history is append-only (a correction is a new row), so every change makes it longer: its length and
        // last write time identify a version without re-reading tens of megabytes to hash it on every view.
        var version = file.Exists ? (file.Length, file.LastWriteTimeUtc.Ticks) : (-1L, 0L);
        if (snapshots.TryGetValue(quarter, out var known) && known.Version == version)
        {
            return known;
        }

        var fresh = new Snapshot(version, OutcomeProgress.ReportedWorklistIdsBySigungu(root, quarter));
        snapshots[quarter] = fresh;
        return fresh;
    }

    private sealed record Snapshot((long Length, long Ticks) Version, IReadOnlyDictionary<string, IReadOnlySet<string>> BySigungu);
}
