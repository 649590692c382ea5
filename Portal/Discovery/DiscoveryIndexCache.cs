using System.Globalization;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Discovery;
using BlindSpot.Portal.Cases;

namespace BlindSpot.Portal.Discovery;

/// <summary>
/// The discovery index files a portal process has read, per quarter and 시군구, kept while the file's length and last
/// write time are unchanged (a rebuilt index is read again on the next search). Loading a large 시군구 takes a few hundred
/// milliseconds once; a search then filters memory. At most <see cref="Capacity"/> are kept, the least recently used
/// dropped first, so a busy portal holds a few 시군구, not the nation.
/// </summary>
internal sealed class DiscoveryIndexCache(DataRoot root, FeedCatalog catalog)
{
    /// <summary>Indexes kept at once: a large 시군구 takes ~100 MB in memory.</summary>
    public const int Capacity = 8;

    private readonly Dictionary<string, (LoadedDiscovery Loaded, long Length, DateTime Written, long Used)> entries = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim gate = new(1, 1);
    private long clock;

    /// <summary>The 시군구's index of <paramref name="quarter"/>, or null when the quarter has none (discovery-index not run).</summary>
    public async Task<LoadedDiscovery?> GetAsync(Quarter quarter, string sigungu, CancellationToken ct)
    {
        var path = root.DiscoveryIndex(quarter, sigungu);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return null;
        }

        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (entries.TryGetValue(path, out var entry) && entry.Length == file.Length && entry.Written == file.LastWriteTimeUtc)
            {
                entries[path] = entry with { Used = ++clock };
                return entry.Loaded;
            }

            var loaded = Load(path, file);
            entries[path] = (loaded, file.Length, file.LastWriteTimeUtc, ++clock);
            while (entries.Count > Capacity)
            {
                entries.Remove(entries.MinBy(e => e.Value.Used).Key);
            }

            return loaded;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The quarters with a discovery index for <paramref name="sigungu"/>, newest first.</summary>
    public IReadOnlyList<Quarter> QuartersOf(string sigungu)
    {
        var folder = Path.GetDirectoryName(root.DiscoveryFolder(new Quarter(2000, 1)))!;
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.EnumerateDirectories(folder)
            .Select(d => Quarter.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var q) ? q : (Quarter?)null)
            .OfType<Quarter>()
            .Where(q => File.Exists(root.DiscoveryIndex(q, sigungu)))
            .OrderDescending()];
    }

    private LoadedDiscovery Load(string path, FileInfo file)
    {
        var index = DiscoveryIndexFile.Read(path);
        var feedKinds = index.FeedCodes.Select(code => KindsOf(catalog.TryGetFeed(code, out var feed) ? feed : null)).ToArray();
        return LoadedDiscovery.Of(index, feedKinds, string.Create(CultureInfo.InvariantCulture, $"{file.Length:x}-{file.LastWriteTimeUtc.Ticks:x}"));
    }

    /// <summary>The reason kinds a feed's records are of: the kinds whose words its Korean name or reason sentence holds.</summary>
    public static ushort KindsOf(FeedDefinition? feed)
    {
        ushort mask = 0;
        for (var k = 0; feed is not null && k < ReasonKinds.All.Count; k++)
        {
            if (ReasonKinds.All[k].Words.Any(w => feed.NameKo.Contains(w, StringComparison.Ordinal) || feed.Reason.Contains(w, StringComparison.Ordinal)))
            {
                mask |= (ushort)(1 << k);
            }
        }

        return mask;
    }
}
