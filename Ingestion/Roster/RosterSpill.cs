using BlindSpot.Core.Partitioning;

namespace BlindSpot.Ingestion.Roster;

/// <summary>
/// The roster's accepted rows on disk while the delivery is read, split by household key range into
/// <see cref="Parts"/> files (a <see cref="Buckets"/> of its own, so a part's key range is a bucket's kind of range), so
/// no stage holds the whole roster: the number of buckets follows the roster's accepted count, known only at the end of
/// the file, and each bucket is then loaded from the parts whose range meets it (<see cref="Read"/>). About 45 bytes a
/// row on disk, a 64 KiB buffer a part in memory. Deleted on dispose. Adding is single-threaded; reading is safe from
/// several threads once <see cref="Complete"/> has run.
/// </summary>
internal sealed class RosterSpill : IDisposable
{
    private readonly string folder;
    private readonly BinaryWriter?[] writers;

    /// <param name="folder">A scratch folder of its own (replaced).</param>
    /// <param name="parts">How the rows are split on disk.</param>
    public RosterSpill(string folder, Buckets parts)
    {
        this.folder = folder;
        Parts = parts;
        writers = new BinaryWriter?[parts.Count];
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
    }

    public Buckets Parts { get; }

    /// <summary>
    /// The split for a roster: <paramref name="configured"/> buckets when set (a part is then exactly a bucket), else
    /// two parts per default bucket of <paramref name="estimatedPeople"/>, so a bucket reads about twice its own rows.
    /// </summary>
    public static Buckets PartsFor(int? configured, long estimatedPeople) =>
        configured is { } count ? new Buckets(count) : new Buckets(Math.Min(Buckets.Max, 2 * Buckets.DefaultFor(estimatedPeople).Count));

    /// <summary>Appends row <paramref name="row"/> of <paramref name="table"/> to its part.</summary>
    public void Add(RosterTable table, int row)
    {
        var part = Parts.Of(table.HouseholdKey[row]);
        var writer = writers[part] ??= new BinaryWriter(new FileStream(PathOf(part), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16));
        RosterSpillRow.Write(writer, table, row);
    }

    /// <summary>Closes the part files; call once the last row is added.</summary>
    public void Complete()
    {
        for (var p = 0; p < writers.Length; p++)
        {
            writers[p]?.Dispose();
            writers[p] = null;
        }
    }

    /// <summary>The rows of bucket <paramref name="bucket"/> of <paramref name="buckets"/>, in a table of their own.</summary>
    public RosterTable Read(Buckets buckets, int bucket)
    {
        var table = new RosterTable();
        foreach (var part in Parts.Overlapping(buckets, bucket))
        {
            var path = PathOf(part);
            if (!File.Exists(path))
            {
                continue;
            }

            using var reader = new BinaryReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16));
            var length = reader.BaseStream.Length;
            while (reader.BaseStream.Position < length)
            {
                RosterSpillRow.Read(reader, table);
                if (buckets.Of(table.HouseholdKey[^1]) != bucket)
                {
                    table.RemoveLast();
                }
            }
        }

        return table;
    }

    public void Dispose()
    {
        Complete();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private string PathOf(int part) => Path.Combine(folder, $"part-{part:D3}.bin");
}
