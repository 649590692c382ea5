using System.Globalization;
using System.Text;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Contracts;
using BlindSpot.Core.Files;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Partitioning;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Regions;
using BlindSpot.Core.Stages;
using BlindSpot.Dispatch.Identity;

namespace BlindSpot.Dispatch.Discovery;

/// <summary>
/// Builds a quarter's own-discovery index one bucket at a time (issue 17): the register read once
/// (<see cref="DiscoveryDispatched"/>), the score files split by bucket (<see cref="DiscoveryScoreSpill"/>), then per bucket
/// its people with their feeds, grades and dispatches (<see cref="DiscoveryInputs"/>), whose candidates are appended to
/// a temporary file of their 시군구 (<see cref="DiscoveryRowSpill"/>; bucket after bucket is the roster's order within a
/// 시군구), then one pass over the identity vault that spills each candidate's identity into a temporary file of their
/// 시군구, then one index file per 시군구 (every 시군구 of the registry and the roster, empty ones included). Memory holds
/// one bucket's dense columns, the candidates' keys and 시군구 (<see cref="DiscoveryCandidates"/>, 10 bytes each) and one
/// 시군구's identities at a time, never the nation's columns.
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
        var clock = new PhaseClock();
        var variants = VariantNames.All;
        var files = TableFiles.Roster(root, quarter);
        var rosterPath = files.Count == 1 ? files[0].Path : root.RosterFolder(quarter);
        var people = await PeopleAsync(rosterPath, files.Paths(), ct).ConfigureAwait(false);
        var buckets = files.GroupBy(f => f.Bucket).Select(g => (Bucket: g.Key, Files: (IReadOnlyList<string>)[.. g.Select(f => f.Path)])).ToList();
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
            var dispatched = DiscoveryDispatched.Read(root.PastDispatches(quarter), pseudonymizer);
            var scores = await DiscoveryScoreSpill.WriteAsync(root, quarter, variants, v => options.Quotas[v].For(people, options.ReferenceRoster), BucketOf(root, quarter, buckets.Count == 1 ? buckets[0].Bucket : null), Path.Combine(spill, "scores"), ct).ConfigureAwait(false);
            clock.Lap("split scores");
            var candidates = new DiscoveryCandidates(people);
            var rosterSigungu = new HashSet<int>();
            var rows = Path.Combine(spill, "rows");
            PrivateFiles.CreateFolder(rows);
            Task<DiscoveryPopulation> ReadAsync(int bucket, IReadOnlyList<string> paths)
            {
                IReadOnlyList<string>[] lakes = [.. catalog.Feeds.Select(f => (buckets.Count == 1 ? TableFiles.Lake(root, quarter, f.Code) : TableFiles.Lake(root, quarter, f.Code, [bucket])).Paths())];
                return Task.Run(() => DiscoveryInputs.ReadBucketAsync(paths.Count == 1 ? paths[0] : root.RosterFolder(quarter), paths, lakes, catalog, scores, bucket, dispatched, ct), ct);
            }

            await foreach (var population in InBucketOrder(buckets.Select(b => (Func<Task<DiscoveryPopulation>>)(() => ReadAsync(b.Bucket, b.Files))), ReadAhead).ConfigureAwait(false))
            {
                if (files.Count == 1)
                {
                    CheckSorted(population);
                }

                SpillCandidates(population, candidates, rosterSigungu, rows);
            }

            clock.Lap("read buckets");
            candidates.Seal(rosterPath);
            var identities = Path.Combine(spill, "identities");
            PrivateFiles.CreateFolder(identities);
            var identified = SpillIdentities(root.IdentityVault(quarter), candidates, identities);
            clock.Lap("vault");
            var codes = regions.Sigungu.Select(s => s.Code).Concat(rosterSigungu.Select(Code)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var perSigungu = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var code in codes)
            {
                ct.ThrowIfCancellationRequested();
                var count = int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? candidates.CountIn(number) : 0;
                var found = ReadSpill(Path.Combine(identities, code));
                DiscoveryIndexFile.Write(root.DiscoveryIndex(quarter, code), quarter.ToString(), code, [.. catalog.Feeds.Select(f => f.Code)], variants,
                    DiscoveryRowSpill.Read(Path.Combine(rows, code), variants.Count, key => found.GetValueOrDefault(key)), count);
                perSigungu[code] = count;
            }

            RemoveStale(folder, codes);
            clock.Lap("write index");
            return new DiscoveryIndexSummary(quarter.ToString(), people, candidates.Count, candidates.Count - identified, perSigungu) { Phases = clock.Phases };
        }
        finally
        {
            Directory.Delete(spill, recursive: true);
        }
    }

    /// <summary>Buckets read at once: as many as the machine has cores (<see cref="DiscoveryMemory"/> budgets one more, the one being spilled).</summary>
    internal static int ReadAhead => Environment.ProcessorCount;

    /// <summary>
    /// Starts up to <paramref name="window"/> of <paramref name="reads"/> at once and yields their results in the order
    /// given (the index's order within a 시군구 is the buckets' order), starting the next read as each is taken. On a
    /// failure the reads already started are awaited before the first error is thrown, so none outlives the spill folder.
    /// </summary>
    internal static async IAsyncEnumerable<T> InBucketOrder<T>(IEnumerable<Func<Task<T>>> reads, int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var started = new Queue<Task<T>>();
        using var next = reads.GetEnumerator();
        try
        {
            while (true)
            {
                while (started.Count < window && next.MoveNext())
                {
                    started.Enqueue(next.Current());
                }

                if (started.Count == 0)
                {
                    yield break;
                }

                yield return await started.Dequeue().ConfigureAwait(false);
            }
        }
        finally
        {
            // Reached on completion (nothing left), on an error thrown above, or when the caller stops early.
            while (started.Count > 0)
            {
                try
                {
                    await started.Dequeue().ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // The first error is the one the caller sees; later reads' errors only wait here.
                }
            }
        }
    }

    private static string Code(int sigungu) => sigungu.ToString("D5", CultureInfo.InvariantCulture);

    private static async Task<int> PeopleAsync(string path, IReadOnlyList<string> files, CancellationToken ct)
    {
        await using var reader = await ParquetFiles.ReadAsync(path, "the roster", () => RosterFileReader.OpenAsync(path, files, [RosterColumns.PersonKey], ct)).ConfigureAwait(false);
        return reader.People;
    }

    /// <summary>
    /// The roster bucket of a household key: the one bucket when there is one (a roster of one file, whose lake may
    /// predate buckets), else the quarter's partitioning.
    /// </summary>
    private static Func<long, int> BucketOf(DataRoot root, Quarter quarter, int? only)
    {
        if (only is { } bucket)
        {
            return _ => bucket;
        }

        var record = PartitioningRecord.Load(root.Partitioning(quarter))
            ?? throw new InvalidDataException($"{root.Partitioning(quarter)}: the roster has several buckets but no partitioning record saying how households were split; re-ingest the quarter.");
        var partitioning = record.Partitioning;
        return partitioning.Of;
    }

    /// <summary>One roster file must be sorted by 시군구, as the index's order within a 시군구 is the roster's.</summary>
    private static void CheckSorted(DiscoveryPopulation p)
    {
        var seen = new HashSet<int>();
        for (var row = 0; row < p.People; row++)
        {
            if ((row == 0 || p.Sigungu[row] != p.Sigungu[row - 1]) && !seen.Add(p.Sigungu[row]))
            {
                throw new InvalidDataException($"시군구 {Code(p.Sigungu[row])} is not one contiguous range of the roster; the roster must be sorted by 시군구 (re-ingest the quarter).");
            }
        }
    }

    /// <summary>Appends the bucket's candidates to their 시군구's row file and to <paramref name="candidates"/>; notes every 시군구 met.</summary>
    private static void SpillCandidates(DiscoveryPopulation p, DiscoveryCandidates candidates, HashSet<int> rosterSigungu, string rows)
    {
        var writers = new Dictionary<int, BinaryWriter>();
        try
        {
            for (var row = 0; row < p.People; row++)
            {
                rosterSigungu.Add(p.Sigungu[row]);
                if (!p.IsCandidate(row))
                {
                    continue;
                }

                if (!writers.TryGetValue(p.Sigungu[row], out var writer))
                {
                    writer = writers[p.Sigungu[row]] = new BinaryWriter(PrivateFiles.Create(Path.Combine(rows, Code(p.Sigungu[row])), mode: FileMode.Append), Encoding.UTF8);
                }

                DiscoveryRowSpill.Append(writer, p, row);
                candidates.Add(p.PersonKeys[row], p.Sigungu[row]);
            }
        }
        finally
        {
            foreach (var writer in writers.Values)
            {
                writer.Dispose();
            }
        }
    }

    /// <summary>One vault pass: each candidate's identity appended to their 시군구's spill file, keyed by person key. Returns how many were found.</summary>
    private long SpillIdentities(string vault, DiscoveryCandidates candidates, string spill)
    {
        var writers = new Dictionary<int, BinaryWriter>();
        long found = 0;
        try
        {
            IdentityVault.Scan(vault, pseudonymizer, key => candidates.SigunguOf(key) >= 0, (key, id) =>
            {
                var sigungu = candidates.SigunguOf(key);
                if (!writers.TryGetValue(sigungu, out var writer))
                {
                    writer = writers[sigungu] = new BinaryWriter(PrivateFiles.Create(Path.Combine(spill, Code(sigungu))), Encoding.UTF8);
                }

                writer.Write(key);
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

    private static Dictionary<long, IdentityRecord> ReadSpill(string path)
    {
        var identities = new Dictionary<long, IdentityRecord>();
        if (!File.Exists(path))
        {
            return identities;
        }

        using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        while (reader.BaseStream.Position < reader.BaseStream.Length)
        {
            var key = reader.ReadInt64();
            identities[key] = new IdentityRecord(reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString());
        }

        return identities;
    }

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
