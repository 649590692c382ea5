using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Ingestion.Roster;

namespace BlindSpot.Ingestion.Parts;

/// <summary>
/// The roster index (person → bucket, household keys) a worker process's feed parts share: read once from the roster's
/// bucket files by the first feed part that needs it, or handed over by the roster part that built it in this process.
/// Keyed by the roster folder and the roster part's combined output hash, so a changed roster is read again. Held by a
/// weak reference: a worker that goes on to other stages' jobs keeps no hundreds of megabytes pinned (at worst a feed
/// part after a full collection reads it again). Thread-safe; one read at a time.
/// </summary>
internal static class RosterIndexCache
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<string, WeakReference<RosterIndex>> Entries = new(StringComparer.Ordinal);

    /// <summary>The index of <paramref name="quarter"/>'s roster whose files hash to <paramref name="rosterOutput"/>.</summary>
    public static async Task<RosterIndex> GetAsync(DataRoot root, Quarter quarter, string rosterOutput, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(root);
        var key = Key(root, quarter, rosterOutput);
        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Entries.TryGetValue(key, out var entry) && entry.TryGetTarget(out var index))
            {
                return index;
            }

            index = await RosterIndexReader.ReadAsync(root, quarter, cancellationToken).ConfigureAwait(false);
            Keep(key, index);
            return index;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Remembers the index the roster part just built, so this process's feed parts need not read it back.</summary>
    public static void Put(DataRoot root, Quarter quarter, string rosterOutput, RosterIndex index)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(index);
        Gate.Wait();
        try
        {
            Keep(Key(root, quarter, rosterOutput), index);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static void Keep(string key, RosterIndex index)
    {
        foreach (var dead in Entries.Where(e => !e.Value.TryGetTarget(out _)).Select(e => e.Key).ToList())
        {
            Entries.Remove(dead);
        }

        Entries[key] = new WeakReference<RosterIndex>(index);
    }

    private static string Key(DataRoot root, Quarter quarter, string rosterOutput) => $"{root.RosterFolder(quarter)}|{rosterOutput}";
}
