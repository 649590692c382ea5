using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Contracts;
using BlindSpot.Core.Files;
using BlindSpot.Core.Hashing;
using BlindSpot.Core.Partitioning;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Regions;

namespace BlindSpot.Dispatch.Selection;

/// <summary>
/// The roster facts dispatch's selection needs, gathered per roster bucket so no process holds the population's. The
/// selection walks each variant's national ranking from the top and, with rare exceptions, stops within a few times its
/// quota; the <see cref="FactsPlan"/> takes the first <see cref="InitialPrefix"/> rows of each ranking (a multiple of the
/// quota, so bounded by it, not by the population) as the wanted people. One bucket's part (<see cref="EnsurePartAsync"/>,
/// a bucket job of its own in the pipeline) reads its roster bucket and its lake bucket's files of the rule cohorts'
/// conditions, and writes <c>dispatch/&lt;Q&gt;/bucket=NNN/facts.bin</c>: every household run (the household's consecutive
/// roster rows) holding a wanted person or a cohort member, with each member's cohorts, and <c>_facts.json</c>, its key.
/// A part whose key (its roster and lake files, the cohorts, the wanted keys) is unchanged is skipped. A household never
/// spans buckets (nor does a person's lake record leave their household's bucket), so a bucket's cohort members and
/// household runs are the same as over the whole roster. When a walk needs more of a ranking than the plan took, the
/// reduce fetches the facts of the further people itself (<see cref="FetchAsync"/>, one streaming pass over the roster
/// keeping only them), so the selection is exact whatever the prefix.
/// </summary>
internal sealed class DispatchFacts(FeedCatalog catalog, DispatchOptions options)
{
    public const string FactsFileName = "facts.bin";
    public const string RecordFileName = "_facts.json";

    // Raised when facts.bin's layout or what it holds changes, so old parts are written again.
    private const int FormatVersion = 1;
    private static readonly byte[] Magic = "BSDF"u8.ToArray();

    /// <summary>The rule cohorts the quarter's options switch on (count above 0), in catalog order: bit i of a row's cohort mask is the i-th.</summary>
    public IReadOnlyList<RuleCohort> ActiveCohorts => [.. catalog.Cohorts.Where(c => options.CohortCount(c) > 0)];

    /// <summary>
    /// Rows of a variant's ranking the plan takes first for a quota of <paramref name="target"/>: three times the quota and
    /// 1,000 more (the exclusions, one visit per household and the 시군구 caps pass over some of the ranked), unless a test
    /// set <see cref="DispatchOptions.InitialPrefixRows"/>.
    /// </summary>
    public int InitialPrefix(int target) => options.InitialPrefixRows ?? (int)Math.Min(int.MaxValue, (3L * target) + 1_000);

    /// <summary>
    /// The quarter's plan: the roster's size (from its files' footers), buckets, and the first rows of each ranking of
    /// <see cref="DispatchOptions.Priority"/> there is a score file for.
    /// </summary>
    public async Task<FactsPlan> PlanAsync(DataRoot root, Quarter quarter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(root);
        var files = TableFiles.Roster(root, quarter);
        var folder = files.Count == 1 ? files[0].Path : root.RosterFolder(quarter);
        var people = await ParquetFiles.ReadAsync(folder, "the roster", async () =>
        {
            await using var reader = await RosterFileReader.OpenAsync(folder, files.Paths(), [RosterColumns.PersonKey], ct).ConfigureAwait(false);
            return reader.People;
        }).ConfigureAwait(false);
        var prefixes = new Dictionary<Variant, RankingPrefix>();
        foreach (var variant in options.Priority.Distinct())
        {
            var path = root.Scores(quarter, variant);
            if (File.Exists(path))
            {
                var target = options.Quotas[variant].For(people, options.ReferenceRoster);
                prefixes[variant] = await ScoreFile.ReadPrefixAsync(path, InitialPrefix(target), ct).ConfigureAwait(false);
            }
        }

        var wanted = new HashSet<long>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> bytes = stackalloc byte[8];
        foreach (var (variant, prefix) in prefixes.OrderBy(p => p.Key))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{variant.ToCode()} {prefix.Rows.Count}\n"));
            foreach (var row in prefix.Rows)
            {
                wanted.Add(row.PersonKey);
                System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes, row.PersonKey);
                hash.AppendData(bytes);
            }
        }

        var buckets = files.Select(f => f.Bucket).Distinct().ToList();
        return new FactsPlan(people, buckets, prefixes, wanted, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>The part file of one bucket.</summary>
    public static string FactsPath(DataRoot root, Quarter quarter, int bucket) =>
        Path.Combine(root.DispatchWorkFolder(quarter), BucketLayout.BucketFolderName(bucket), FactsFileName);

    /// <summary>Plans, then does one bucket's part unless it is current; false when it was.</summary>
    public async Task<bool> RunPartAsync(DataRoot root, Quarter quarter, int bucket, CancellationToken ct)
    {
        var plan = await PlanAsync(root, quarter, ct).ConfigureAwait(false);
        if (!plan.Buckets.Contains(bucket))
        {
            throw new ArgumentException($"{root.RosterFolder(quarter)}: {quarter}'s roster has no bucket {bucket}.", nameof(bucket));
        }

        return await EnsurePartAsync(root, quarter, plan, bucket, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes one bucket's facts unless its record holds the same key and the file still hashes the same. Safe to rerun
    /// and to run beside other buckets' parts (each writes its own folder, through temporary files). False when current.
    /// </summary>
    public async Task<bool> EnsurePartAsync(DataRoot root, Quarter quarter, FactsPlan plan, int bucket, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(plan);
        var path = FactsPath(root, quarter, bucket);
        var recordPath = Path.Combine(Path.GetDirectoryName(path)!, RecordFileName);
        var key = await KeyAsync(root, quarter, plan, bucket, ct).ConfigureAwait(false);
        if (FactsRecord.TryLoad(recordPath) is { } done && done.Key == key && File.Exists(path)
            && await FileHash.Sha256Async(path, ct).ConfigureAwait(false) == done.Sha256)
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var cohorts = ActiveCohorts;
        if (cohorts.Count > 31)
        {
            throw new InvalidOperationException($"{cohorts.Count} rule cohorts are switched on; dispatch's facts files mark at most 31.");
        }

        var conditions = new List<(int Cohort, FeedUnit Unit, HashSet<long> Units)>();
        for (var c = 0; c < cohorts.Count; c++)
        {
            foreach (var condition in cohorts[c].Conditions)
            {
                var feed = catalog.GetFeed(condition.Feed);
                var units = await CohortMembers.UnitsAsync(feed, TableFiles.Lake(root, quarter, feed.Code, [bucket]).Paths(), condition, ct).ConfigureAwait(false);
                conditions.Add((c, feed.Unit, units));
            }
        }

        var temporary = path + ".tmp";
        var runs = 0;
        var rows = 0;
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: false))
        await using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            await ForEachRunAsync(root, quarter, [bucket], run =>
            {
                var masks = new int[run.Count];
                var keep = false;
                for (var i = 0; i < run.Count; i++)
                {
                    masks[i] = Mask(run.Persons[i], run.Household, cohorts.Count, conditions);
                    keep |= masks[i] != 0 || plan.Wanted.Contains(run.Persons[i]);
                }

                if (!keep)
                {
                    return;
                }

                writer.Write(run.Count);
                writer.Write(run.Household);
                for (var i = 0; i < run.Count; i++)
                {
                    writer.Write(run.Persons[i]);
                    writer.Write(run.Sigungu[i]);
                    writer.Write((ushort)run.Status[i]);
                    writer.Write(run.Benefits[i]);
                    writer.Write(masks[i]);
                }

                runs++;
                rows += run.Count;
            }, ct).ConfigureAwait(false);
            writer.Write(0);
        }

        File.Move(temporary, path, overwrite: true);
        new FactsRecord { Bucket = bucket, Key = key, Sha256 = await FileHash.Sha256Async(path, ct).ConfigureAwait(false), Runs = runs, Rows = rows }.Save(recordPath);
        return true;
    }

    /// <summary>Adds one bucket's facts to <paramref name="facts"/> and its cohort members to <paramref name="members"/> (by cohort code).</summary>
    public void LoadPart(DataRoot root, Quarter quarter, int bucket, RosterFacts facts, IReadOnlyDictionary<string, HashSet<long>> members)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(members);
        var path = FactsPath(root, quarter, bucket);
        var cohorts = ActiveCohorts;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException($"{path}: not a dispatch facts file of this version; run the quarter's dispatch again.");
        }

        var run = new Run();
        try
        {
            for (var count = reader.ReadInt32(); count > 0; count = reader.ReadInt32())
            {
                run.Clear();
                run.Household = reader.ReadInt64();
                for (var i = 0; i < count; i++)
                {
                    var person = reader.ReadInt64();
                    run.Add(person, reader.ReadInt32(), (char)reader.ReadUInt16(), reader.ReadBoolean());
                    var mask = reader.ReadInt32();
                    for (var c = 0; c < cohorts.Count; c++)
                    {
                        if ((mask & (1 << c)) != 0)
                        {
                            members[cohorts[c].Code].Add(person);
                        }
                    }
                }

                facts.AddRun(run.Persons.ToArray(), run.Household, run.Sigungu.ToArray(), run.Status.ToArray(), run.Benefits.ToArray(), path);
            }
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"{path}: the dispatch facts file is cut short; run the quarter's dispatch again.");
        }
    }

    /// <summary>
    /// Adds the household runs of <paramref name="keys"/> not yet held, in one streaming pass over the roster that keeps
    /// only them (the way a walk past the plan's prefixes gets its facts); a key on no roster row stays unheld.
    /// </summary>
    public Task FetchAsync(DataRoot root, Quarter quarter, IReadOnlySet<long> keys, RosterFacts facts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return keys.Count == 0
            ? Task.CompletedTask
            : ForEachRunAsync(root, quarter, null, run =>
            {
                if (run.Persons.Exists(keys.Contains) && !facts.Holds(run.Persons[0]))
                {
                    facts.AddRun(run.Persons.ToArray(), run.Household, run.Sigungu.ToArray(), run.Status.ToArray(), run.Benefits.ToArray(), root.RosterFolder(quarter));
                }
            }, ct);
    }

    private static int Mask(long person, long household, int cohorts, List<(int Cohort, FeedUnit Unit, HashSet<long> Units)> conditions)
    {
        var mask = 0;
        for (var c = 0; c < cohorts; c++)
        {
            var all = true;
            foreach (var (cohort, unit, units) in conditions)
            {
                if (cohort == c && !units.Contains(unit == FeedUnit.Person ? person : household))
                {
                    all = false;
                    break;
                }
            }

            mask |= all ? 1 << c : 0;
        }

        return mask;
    }

    /// <summary>SHA-256 over the bucket's roster and condition-feed lake files, the active cohorts and the plan's wanted keys.</summary>
    private async Task<string> KeyAsync(DataRoot root, Quarter quarter, FactsPlan plan, int bucket, CancellationToken ct)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"format {FormatVersion}\nbucket {bucket}\nwanted {plan.WantedSha256}\n");
        text.Append(CultureInfo.InvariantCulture, $"cohorts {JsonSerializer.Serialize(ActiveCohorts.Select(c => new { c.Code, c.Conditions }))}\n");
        foreach (var file in TableFiles.Roster(root, quarter, [bucket]).Paths())
        {
            text.Append(CultureInfo.InvariantCulture, $"roster {await FileHash.Sha256Async(file, ct).ConfigureAwait(false)}\n");
        }

        foreach (var feed in ActiveCohorts.SelectMany(c => c.Conditions).Select(c => c.Feed).Distinct().Order(StringComparer.Ordinal))
        {
            foreach (var file in TableFiles.Lake(root, quarter, feed, [bucket]).Paths())
            {
                text.Append(CultureInfo.InvariantCulture, $"lake {feed} {await FileHash.Sha256Async(file, ct).ConfigureAwait(false)}\n");
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// Streams the roster's buckets (all, or <paramref name="buckets"/>) in file order and hands each household run — a
    /// household's consecutive rows, as ingestion sorts each bucket by 시군구, household, person — to <paramref name="take"/>.
    /// </summary>
    private static async Task ForEachRunAsync(DataRoot root, Quarter quarter, IReadOnlyCollection<int>? buckets, Action<Run> take, CancellationToken ct)
    {
        foreach (var file in TableFiles.Roster(root, quarter, buckets))
        {
            await ParquetFiles.ReadAsync(file.Path, "the roster", () => ReadRunsAsync(file.Path, take, ct)).ConfigureAwait(false);
        }
    }

    private static async Task<bool> ReadRunsAsync(string path, Action<Run> take, CancellationToken ct)
    {
        await using var reader = await RosterFileReader.OpenAsync(path, [path], RosterFacts.Columns, ct).ConfigureAwait(false);
        var sigunguCodes = new RegionCodeParser(RosterColumns.SigunguCode, path);
        var run = new Run();
        var offset = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroup(g);
            var rows = group.Rows;
            var persons = new long[rows];
            var households = new long[rows];
            var benefits = new bool[rows];
            var sigungu = new ReadOnlyMemory<char>[rows];
            var status = new ReadOnlyMemory<char>[rows];
            await group.ReadAsync(RosterColumns.PersonKey, persons.AsMemory(), ct).ConfigureAwait(false);
            await group.ReadAsync(RosterColumns.HouseholdKey, households.AsMemory(), ct).ConfigureAwait(false);
            await group.ReadAsync(RosterColumns.BasicLivelihood, benefits.AsMemory(), ct).ConfigureAwait(false);
            await group.ReadAsync(RosterColumns.SigunguCode, sigungu.AsMemory(), ct).ConfigureAwait(false);
            await group.ReadAsync(RosterColumns.Status, status.AsMemory(), ct).ConfigureAwait(false);
            for (var k = 0; k < rows; k++)
            {
                if (run.Count > 0 && households[k] != run.Household)
                {
                    take(run);
                    run.Clear();
                }

                run.Household = households[k];
                run.Add(persons[k], sigunguCodes.Parse(sigungu[k].Span, offset + k), status[k].Span is [var s] ? s : '?', benefits[k]);
            }

            offset += rows;
        }

        if (run.Count > 0)
        {
            take(run);
        }

        return true;
    }

    /// <summary>One household run being read: its rows' columns.</summary>
    private sealed class Run
    {
        public long Household { get; set; }

        public List<long> Persons { get; } = [];

        public List<int> Sigungu { get; } = [];

        public List<char> Status { get; } = [];

        public List<bool> Benefits { get; } = [];

        public int Count => Persons.Count;

        public void Add(long person, int sigungu, char status, bool benefit)
        {
            Persons.Add(person);
            Sigungu.Add(sigungu);
            Status.Add(status);
            Benefits.Add(benefit);
        }

        public void Clear()
        {
            Persons.Clear();
            Sigungu.Clear();
            Status.Clear();
            Benefits.Clear();
        }
    }
}

/// <summary>
/// What a quarter's dispatch facts are gathered for: the roster's size and buckets, the first rows of each variant's
/// ranking (<see cref="DispatchFacts.InitialPrefix"/>), the union of their person keys and a hash of them (part of
/// every part's key).
/// </summary>
internal sealed record FactsPlan(int People, IReadOnlyList<int> Buckets, Dictionary<Variant, RankingPrefix> Prefixes, HashSet<long> Wanted, string WantedSha256);

/// <summary><c>dispatch/&lt;Q&gt;/bucket=NNN/_facts.json</c>: the key a bucket's facts were written for and the file's hash.</summary>
internal sealed record FactsRecord
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public required int Bucket { get; init; }

    public required string Key { get; init; }

    public required string Sha256 { get; init; }

    public required int Runs { get; init; }

    public required int Rows { get; init; }

    /// <summary>Through a temporary file, so a crash leaves the old record or the new one.</summary>
    public void Save(string path) => JsonRecordFile.Save(path, this, Json);

    /// <summary>The record, or null when there is none or it cannot be read (the part is then written again).</summary>
    public static FactsRecord? TryLoad(string path) => JsonRecordFile.TryLoad<FactsRecord>(path, Json);
}
