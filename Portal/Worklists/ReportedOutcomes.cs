using System.Collections.Concurrent;
using System.Collections.Immutable;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Outcomes;

namespace BlindSpot.Portal.Worklists;

/// <summary>
/// Which worklist entries have an outcome on record, per quarter and 시군구, from the national outcome history. Without
/// it every officer view parsed the whole history (400k rows at national scale: 1.1–1.6 s a page). The history is
/// append-only, so this reads it once and afterwards only the rows appended since (an upload adds a few hundred):
/// a view after an upload costs those rows, not the country's. Thread-safe; the sets handed out never change.
/// </summary>
public sealed class ReportedOutcomes(DataRoot root)
{
    private static readonly IReadOnlySet<string> None = ImmutableHashSet<string>.Empty;

    private readonly ConcurrentDictionary<Quarter, Snapshot> snapshots = new();
    private readonly ConcurrentDictionary<Quarter, object> locks = new();

    /// <summary>Worklist ids of <paramref name="sigungu"/> in <paramref name="quarter"/> with an accepted outcome.</summary>
    public IReadOnlySet<string> Of(Quarter quarter, string sigungu) =>
        Current(quarter).BySigungu.TryGetValue(sigungu, out var ids) ? ids : None;

    private Snapshot Current(Quarter quarter)
    {
        var path = OutcomeProgress.HistoryFile(root, quarter);
        var length = File.Exists(path) ? new FileInfo(path).Length : 0;
        if (snapshots.TryGetValue(quarter, out var known) && known.End == length)
        {
            return known;
        }

        // One reader per quarter at a time; the others wait for its result rather than read the same bytes again.
        lock (locks.GetOrAdd(quarter, _ => new object()))
        {
            known = snapshots.GetValueOrDefault(quarter) ?? Snapshot.Empty;
            // Shorter than what was read: the history was replaced (a test or a restore), so read it from the start.
            var from = length < known.End ? Snapshot.Empty : known;
            var (rows, end) = OutcomeProgress.ReportedSince(path, from.End);
            var fresh = from.With(rows, end);
            snapshots[quarter] = fresh;
            return fresh;
        }
    }

    /// <summary>The ids read up to byte <see cref="End"/> of the history, per 시군구.</summary>
    private sealed record Snapshot(long End, ImmutableDictionary<string, IReadOnlySet<string>> BySigungu)
    {
        public static Snapshot Empty { get; } = new(0, ImmutableDictionary.Create<string, IReadOnlySet<string>>(StringComparer.Ordinal));

        /// <summary>A new snapshot with <paramref name="rows"/> added: only the 시군구 they touch get new sets.</summary>
        public Snapshot With(IReadOnlyList<(string SigunguCode, string WorklistId)> rows, long end)
        {
            var bySigungu = BySigungu;
            foreach (var group in rows.GroupBy(r => r.SigunguCode, StringComparer.Ordinal))
            {
                var ids = bySigungu.TryGetValue(group.Key, out var old) ? (ImmutableHashSet<string>)old : ImmutableHashSet.Create<string>(StringComparer.Ordinal);
                bySigungu = bySigungu.SetItem(group.Key, ids.Union(group.Select(r => r.WorklistId)));
            }

            return new Snapshot(end, bySigungu);
        }
    }
}
