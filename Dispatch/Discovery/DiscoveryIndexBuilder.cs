using System.Globalization;
using System.Text;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Files;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Regions;
using BlindSpot.Dispatch.Identity;

namespace BlindSpot.Dispatch.Discovery;

/// <summary>
/// Builds a quarter's own-discovery index: the population with its feeds, grades and dispatches
/// (<see cref="DiscoveryInputs"/>), then one pass over the identity vault that spills each candidate's identity into a
/// temporary file of their 시군구, then one index file per 시군구 (every 시군구 of the registry, empty ones included), in
/// roster order. Memory holds the dense columns of the roster and one 시군구's identities at a time, never the nation's.
/// </summary>
internal sealed class DiscoveryIndexBuilder(FeedCatalog catalog, RegionRegistry regions, DispatchOptions options, Pseudonymizer pseudonymizer)
{
    public async Task<DiscoveryIndexSummary> BuildAsync(DataRoot root, Quarter quarter, CancellationToken ct)
    {
        if (catalog.Feeds.Count > 64)
        {
            throw new InvalidOperationException($"The own-discovery index keeps one bit per feed in 64 bits; the catalog has {catalog.Feeds.Count} feeds. Widen DiscoveryPerson.Feeds first.");
        }

        options.Validate();
        var variants = VariantNames.All;
        var population = await DiscoveryInputs.ReadAsync(root, quarter, catalog, variants, (v, people) => options.Quotas[v].For(people, options.ReferenceRoster), pseudonymizer, ct).ConfigureAwait(false);
        var folder = root.DiscoveryFolder(quarter);
        PrivateFiles.CreateFolder(folder);
        var spill = Path.Combine(folder, ".spill");
        if (Directory.Exists(spill))
        {
            Directory.Delete(spill, recursive: true);
        }

        PrivateFiles.CreateFolder(spill);
        try
        {
            var identified = SpillIdentities(root.IdentityVault(quarter), population, spill);
            var codes = regions.Sigungu.Select(s => s.Code).Concat(population.Sigungu.Distinct().Select(Code)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var perSigungu = new SortedDictionary<string, long>(StringComparer.Ordinal);
            var ranges = SigunguRanges(population);
            foreach (var code in codes)
            {
                ct.ThrowIfCancellationRequested();
                var range = ranges.GetValueOrDefault(code);
                var identities = ReadSpill(Path.Combine(spill, code));
                var rows = Enumerable.Range(range.Start, range.End - range.Start).Where(population.IsCandidate).ToList();
                DiscoveryIndexFile.Write(root.DiscoveryIndex(quarter, code), quarter.ToString(), code, [.. catalog.Feeds.Select(f => f.Code)], variants,
                    rows.Select(r => Person(population, r, identities.GetValueOrDefault(r))), rows.Count);
                perSigungu[code] = rows.Count;
            }

            RemoveStale(folder, codes);
            var candidates = perSigungu.Values.Sum();
            return new DiscoveryIndexSummary(quarter.ToString(), population.People, candidates, candidates - identified, perSigungu);
        }
        finally
        {
            Directory.Delete(spill, recursive: true);
        }
    }

    private static string Code(int sigungu) => sigungu.ToString("D5", CultureInfo.InvariantCulture);

    private static Dictionary<string, (int Start, int End)> SigunguRanges(DiscoveryPopulation p)
    {
        var ranges = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        for (var start = 0; start < p.People;)
        {
            var end = start;
            while (end < p.People && p.Sigungu[end] == p.Sigungu[start])
            {
                end++;
            }

            // The roster is sorted by 시군구, so each is one range; a second range would mean an unsorted roster.
            if (!ranges.TryAdd(Code(p.Sigungu[start]), (start, end)))
            {
                throw new InvalidDataException($"시군구 {Code(p.Sigungu[start])} is not one contiguous range of the roster; the roster must be sorted by 시군구 (re-ingest the quarter).");
            }

            start = end;
        }

        return ranges;
    }

    /// <summary>One vault pass: each candidate's identity appended to their 시군구's spill file, keyed by roster row. Returns how many were found.</summary>
    private long SpillIdentities(string vault, DiscoveryPopulation p, string spill)
    {
        var writers = new Dictionary<int, BinaryWriter>();
        long found = 0;
        try
        {
            IdentityVault.Scan(vault, pseudonymizer, key => p.PersonIndex.Find(key) is var row and >= 0 && p.IsCandidate(row), (key, id) =>
            {
                var row = p.PersonIndex.Find(key);
                if (!writers.TryGetValue(p.Sigungu[row], out var writer))
                {
                    writer = writers[p.Sigungu[row]] = new BinaryWriter(PrivateFiles.Create(Path.Combine(spill, Code(p.Sigungu[row]))), Encoding.UTF8);
                }

                writer.Write(row);
                writer.Write(id.ResidentNumber);
                writer.Write(id.HouseholdNumber);
                writer.Write(id.Name);
                writer.Write(id.Address);
                writer.Write(id.Phone);
                found++;
                return true;
            });
        }
        finally
        {
            foreach (var writer in writers.Values)
            {
                writer.Dispose();
            }
        }

        return found;
    }

    private static Dictionary<int, IdentityRecord> ReadSpill(string path)
    {
        var identities = new Dictionary<int, IdentityRecord>();
        if (!File.Exists(path))
        {
            return identities;
        }

        using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        while (reader.BaseStream.Position < reader.BaseStream.Length)
        {
            var row = reader.ReadInt32();
            identities[row] = new IdentityRecord(reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString());
        }

        return identities;
    }

    private static DiscoveryPerson Person(DiscoveryPopulation p, int row, IdentityRecord? id) => new()
    {
        PersonKey = p.PersonKeys[row],
        HouseholdKey = p.HouseholdKeys[row],
        Eupmyeondong = p.Eupmyeondong[row],
        Age = p.Age[row],
        Sex = p.Sex[row],
        Traits = p.Traits[row],
        HouseholdSize = p.HouseholdSize[row],
        Feeds = p.Feeds[row],
        Records = p.Records[row],
        Grades = [.. p.Grades.Select(g => g[row])],
        SigunguRanks = [.. p.SigunguRanks.Select(r => r[row])],
        Name = id?.Name ?? "(신원정보 없음)",
        MaskedResidentNumber = "",
        FullResidentNumber = id?.ResidentNumber ?? "",
        HouseholdNumber = id?.HouseholdNumber ?? "",
        Address = id?.Address ?? "",
        Phone = id?.Phone ?? "",
    };

    /// <summary>Index files of 시군구 no longer in the registry or the roster would be searched stale: removed.</summary>
    private static void RemoveStale(string folder, List<string> codes)
    {
        var wanted = codes.Select(Core.Contracts.DiscoveryFiles.IndexFileName).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, Core.Contracts.DiscoveryFiles.IndexPattern).Where(f => !wanted.Contains(Path.GetFileName(f))))
        {
            File.Delete(file);
        }
    }
}
