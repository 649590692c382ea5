using BlindSpot.Dispatch.Discovery;

namespace BlindSpot.Portal.Discovery;

/// <summary>
/// One 시군구's discovery index as the portal holds it: the people; each person's reason kinds as a bit mask (bit k =
/// <see cref="Cases.ReasonKinds.All"/>[k], from their feeds); each person's 읍면동 as a number into
/// <see cref="Eupmyeondongs"/>; the positions in the order results are shown (best grade in any variant first, then
/// more feeds, then more records, then roster order), worked out once at load so a search never sorts; and the version
/// of the file, which a form carries so that a choice made on one version is never applied to another.
/// </summary>
internal sealed record LoadedDiscovery(DiscoveryIndex Index, ushort[] Kinds, IReadOnlyList<string> Eupmyeondongs, int[] EupmyeondongOf, int[] Order, string Version)
{
    /// <summary>The derived columns of <paramref name="index"/> (<paramref name="feedKinds"/>: the kinds of each of its feeds).</summary>
    public static LoadedDiscovery Of(DiscoveryIndex index, ushort[] feedKinds, string version)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(feedKinds);
        var people = index.People;
        var kinds = new ushort[people.Count];
        var emds = people.Select(p => p.Eupmyeondong).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var emdNumber = emds.Select((e, i) => (e, i)).ToDictionary(x => x.e, x => x.i, StringComparer.Ordinal);
        var emdOf = new int[people.Count];
        var keys = new long[people.Count];
        for (var i = 0; i < people.Count; i++)
        {
            var p = people[i];
            var feeds = p.Feeds;
            for (var f = 0; feeds != 0 && f < feedKinds.Length; f++, feeds >>= 1)
            {
                kinds[i] |= (feeds & 1) != 0 ? feedKinds[f] : (ushort)0;
            }

            emdOf[i] = emdNumber[p.Eupmyeondong];
            keys[i] = SortKey(p, i);
        }

        Array.Sort(keys);
        var order = keys.Select(k => (int)(k & uint.MaxValue)).ToArray();
        return new LoadedDiscovery(index, kinds, emds, emdOf, order, version);
    }

    // Best grade (1 상 … 3 하, 4 none) in the top bits, then fewer missing feeds, then more records, then the position.
    private static long SortKey(DiscoveryPerson p, int position)
    {
        var best = 4;
        for (var v = 0; v < p.Grades.Count; v++)
        {
            best = p.Grades[v] != DiscoveryGrade.None && (int)p.Grades[v] < best ? (int)p.Grades[v] : best;
        }

        return ((long)best << 60) | ((long)(63 - Math.Min(p.FeedCount, 63)) << 53) | ((long)(ushort.MaxValue - p.Records) << 37) | (uint)position;
    }
}
