using System.Text;
using BlindSpot.Core.Regions;

namespace BlindSpot.Simulation.Roster;

/// <summary>
/// The 시군구 as the simulator needs them: index order, code bytes, 시도 index, population shares and the next
/// household counter of each. Mutable only through <see cref="NextCounter"/>, from one thread.
/// </summary>
internal sealed class RegionTable
{
    private readonly int[] nextCounter;
    private readonly double[] cumulativeShare;

    public RegionTable(RegionRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Registry = registry;
        Sigungu = registry.Sigungu;
        var sidoIndex = registry.Sido.Select((s, i) => (s.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);
        SidoIndex = [.. Sigungu.Select(s => sidoIndex[s.Sido])];
        CodeBytes = [.. Sigungu.Select(s => Encoding.ASCII.GetBytes(s.Code))];
        EupmyeondongBytes = [.. Sigungu.Select(s => Enumerable.Range(0, s.Eupmyeondong + 1).Select(i => i == 0 ? [] : Encoding.ASCII.GetBytes(s.EupmyeondongCode(i))).ToArray())];
        nextCounter = new int[Sigungu.Count];
        Array.Fill(nextCounter, 1);
        cumulativeShare = new double[Sigungu.Count];
        double total = registry.TotalPopulation, running = 0;
        for (var i = 0; i < Sigungu.Count; i++)
        {
            running += Sigungu[i].Population;
            cumulativeShare[i] = running / total;
        }
    }

    public RegionRegistry Registry { get; }

    public IReadOnlyList<Sigungu> Sigungu { get; }

    /// <summary>Index of each 시군구's 시도 in <see cref="RegionRegistry.Sido"/>.</summary>
    public IReadOnlyList<int> SidoIndex { get; }

    /// <summary>The five ASCII digits of each 시군구 code.</summary>
    public IReadOnlyList<byte[]> CodeBytes { get; }

    /// <summary>The eight ASCII digits of each 읍면동 code, indexed [시군구][1-based 읍면동].</summary>
    public IReadOnlyList<byte[][]> EupmyeondongBytes { get; }

    /// <summary>Cumulative population shares, for drawing a 시군구 in proportion to population.</summary>
    public ReadOnlySpan<double> CumulativeShare => cumulativeShare;

    /// <summary>
    /// People per 시군구 for a population of <paramref name="people"/>: proportional to population, rounded by largest
    /// remainder so the parts add up exactly.
    /// </summary>
    public int[] Apportion(int people)
    {
        var total = (double)Registry.TotalPopulation;
        var exact = Sigungu.Select(s => people * (s.Population / total)).ToArray();
        var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var missing = people - counts.Sum();
        foreach (var i in Enumerable.Range(0, counts.Length).OrderByDescending(i => exact[i] - counts[i]).ThenBy(i => i).Take(missing))
        {
            counts[i]++;
        }

        return counts;
    }

    /// <summary>The next six-digit household counter in a 시군구; counters at 900000 and above are kept for dirt.</summary>
    public int NextCounter(int sigungu)
    {
        var counter = nextCounter[sigungu]++;
        return counter < 900_000 ? counter : throw new InvalidOperationException($"시군구 {Sigungu[sigungu].Code} ran out of household numbers.");
    }
}
