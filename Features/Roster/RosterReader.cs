using BlindSpot.Core.Contracts;
using BlindSpot.Core.Files;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Partitioning;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Regions;

namespace BlindSpot.Features.Roster;

/// <summary>
/// Reads the roster (every bucket, in its global order) one row group at a time into a <see cref="RosterTable"/>. Region codes become ints
/// as they are read, so 9 million rows never exist as 18 million strings at once.
/// </summary>
internal static class RosterReader
{
    /// <summary>
    /// Reads the quarter's roster (every bucket, or those in <paramref name="buckets"/>), in the roster's global order
    /// (<see cref="RosterFileReader"/>).
    /// </summary>
    public static Task<(RosterTable Table, RosterKeys Keys)> ReadAsync(DataRoot root, Quarter quarter, CancellationToken cancellationToken, IReadOnlyCollection<int>? buckets = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        // Errors name the one file when there is one, else the roster's folder.
        var files = TableFiles.Roster(root, quarter, buckets).Paths();
        var path = files.Count == 1 ? files[0] : root.RosterFolder(quarter);
        return ParquetFiles.ReadAsync(path, "the roster", () => ReadUnguardedAsync(path, files, cancellationToken));
    }

    private static async Task<(RosterTable Table, RosterKeys Keys)> ReadUnguardedAsync(string path, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        await using var reader = await RosterFileReader.OpenAsync(path, files, Columns, cancellationToken).ConfigureAwait(false);
        var people = reader.People;
        var builder = new RosterBuilder(people, path);
        // Two chunks, so the next row group is decoded while the last one is appended (key indexes, code parsing): the
        // two halves take about as long each, and the rest of the stage waits for the roster. A million-row chunk is ~56 MB.
        var largest = reader.LargestRowGroup;
        var chunks = new[] { new RosterChunk(largest), new RosterChunk(largest) };
        Task appending = Task.CompletedTask;
        for (var group = 0; group < reader.RowGroupCount; group++)
        {
            var chunk = chunks[group % 2];
            using (var rowGroup = reader.OpenRowGroup(group))
            {
                await ReadGroupAsync(rowGroup, chunk.Sized(rowGroup.Rows), cancellationToken).ConfigureAwait(false);
            }

            await appending.ConfigureAwait(false);
            appending = Task.Run(() => builder.Append(chunk), cancellationToken);
        }

        await appending.ConfigureAwait(false);
        return builder.Build();
    }

    /// <summary>The roster columns this stage reads.</summary>
    private static readonly string[] Columns =
    [
        RosterColumns.PersonKey, RosterColumns.HouseholdKey, RosterColumns.IsHead, RosterColumns.Age, RosterColumns.Disability,
        RosterColumns.BasicLivelihood, RosterColumns.OtherBenefit, RosterColumns.SigunguCode, RosterColumns.EupmyeondongCode,
        RosterColumns.Sex, RosterColumns.Status,
    ];

    private static async Task ReadGroupAsync(RosterRowGroup rowGroup, RosterChunk chunk, CancellationToken cancellationToken)
    {
        await rowGroup.ReadAsync(RosterColumns.PersonKey, chunk.PersonKeys.AsMemory(), cancellationToken).ConfigureAwait(false);
        await rowGroup.ReadAsync(RosterColumns.HouseholdKey, chunk.HouseholdKeys.AsMemory(), cancellationToken).ConfigureAwait(false);
        await rowGroup.ReadAsync(RosterColumns.IsHead, chunk.IsHead.AsMemory(), cancellationToken).ConfigureAwait(false);
        await rowGroup.ReadAsync(RosterColumns.Age, chunk.Age.AsMemory(), cancellationToken).ConfigureAwait(false);
        await rowGroup.ReadAsync(RosterColumns.Disability, chunk.Disability.AsMemory(), cancellationToken).ConfigureAwait(false);
        await rowGroup.ReadAsync(RosterColumns.BasicLivelihood, chunk.BasicLivelihood.AsMemory(), cancellationToken).ConfigureAwait(false);
        await rowGroup.ReadAsync(RosterColumns.OtherBenefit, chunk.OtherBenefit.AsMemory(), cancellationToken).ConfigureAwait(false);
        await rowGroup.ReadAsync(RosterColumns.SigunguCode, chunk.Sigungu.AsMemory(), cancellationToken).ConfigureAwait(false);
        await rowGroup.ReadAsync(RosterColumns.EupmyeondongCode, chunk.Eupmyeondong.AsMemory(), cancellationToken).ConfigureAwait(false);
        await rowGroup.ReadAsync(RosterColumns.Sex, chunk.Sex.AsMemory(), cancellationToken).ConfigureAwait(false);
        await rowGroup.ReadAsync(RosterColumns.Status, chunk.Status.AsMemory(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One row group's columns as read; the arrays hold the largest row group, <see cref="Rows"/> says how much is in use.</summary>
    private sealed class RosterChunk(int capacity)
    {
        public long[] PersonKeys { get; } = new long[capacity];

        public long[] HouseholdKeys { get; } = new long[capacity];

        public bool[] IsHead { get; } = new bool[capacity];

        public int[] Age { get; } = new int[capacity];

        public bool[] Disability { get; } = new bool[capacity];

        public bool[] BasicLivelihood { get; } = new bool[capacity];

        public bool[] OtherBenefit { get; } = new bool[capacity];

        // Text columns are read as character slices, not strings: Parquet.Net makes a new string per row for a string
        // array even from a dictionary page, and at 9 million rows that was ~3 s of the roster read's ~4 s of decoding.
        public ReadOnlyMemory<char>[] Sigungu { get; } = new ReadOnlyMemory<char>[capacity];

        public ReadOnlyMemory<char>[] Eupmyeondong { get; } = new ReadOnlyMemory<char>[capacity];

        public ReadOnlyMemory<char>[] Sex { get; } = new ReadOnlyMemory<char>[capacity];

        public ReadOnlyMemory<char>[] Status { get; } = new ReadOnlyMemory<char>[capacity];

        public int Rows { get; private set; } = capacity;

        public RosterChunk Sized(int rows)
        {
            Rows = rows;
            return this;
        }
    }

    /// <summary>Appends chunks into the dense table, checking the sort order the partitioning relies on.</summary>
    private sealed class RosterBuilder(int people, string path)
    {
        private readonly RosterTable table = new()
        {
            PersonKeys = new long[people],
            HouseholdKeys = new long[people],
            Household = new int[people],
            HouseholdStart = new int[people + 1],
            Sigungu = new int[people],
            Eupmyeondong = new int[people],
            Age = new byte[people],
            Male = new bool[people],
            IsHead = new bool[people],
            Disability = new bool[people],
            BasicLivelihood = new bool[people],
            OtherBenefit = new bool[people],
            Status = new char[people],
        };

        private readonly KeyIndex personIndex = new(people);

        private readonly RegionCodeParser sigungu = new(RosterColumns.SigunguCode, path);
        private readonly RegionCodeParser eupmyeondong = new(RosterColumns.EupmyeondongCode, path);
        private int next;
        private int households;

        /// <summary>
        /// Appends one row group in passes over its columns: copies and code parsing, then the person index (a batch, so
        /// its cache misses overlap), then household numbering. One pass per row doing all three was ~50 % slower.
        /// </summary>
        public void Append(RosterChunk chunk)
        {
            var first = next;
            var rows = chunk.Rows;
            chunk.PersonKeys.AsSpan(0, rows).CopyTo(table.PersonKeys.AsSpan(first));
            chunk.HouseholdKeys.AsSpan(0, rows).CopyTo(table.HouseholdKeys.AsSpan(first));
            chunk.IsHead.AsSpan(0, rows).CopyTo(table.IsHead.AsSpan(first));
            chunk.Disability.AsSpan(0, rows).CopyTo(table.Disability.AsSpan(first));
            chunk.BasicLivelihood.AsSpan(0, rows).CopyTo(table.BasicLivelihood.AsSpan(first));
            chunk.OtherBenefit.AsSpan(0, rows).CopyTo(table.OtherBenefit.AsSpan(first));
            for (var row = 0; row < rows; row++)
            {
                var i = first + row;
                table.Sigungu[i] = sigungu.Parse(chunk.Sigungu[row].Span, i);
                table.Eupmyeondong[i] = eupmyeondong.Parse(chunk.Eupmyeondong[row].Span, i);
                table.Age[i] = (byte)Math.Clamp(chunk.Age[row], 0, 255);
                table.Male[i] = chunk.Sex[row].Span is ['M'];
                table.Status[i] = chunk.Status[row].Span is [var status] ? status : '?';
                if (i > 0 && table.Sigungu[i] < table.Sigungu[i - 1])
                {
                    throw new InvalidDataException($"{path}: row {i} breaks the roster's order by 시군구; features partition by 시도 and need the order ingestion writes.");
                }
            }

            if (personIndex.AddAll(table.PersonKeys.AsSpan(first, rows), first) is var duplicate and >= 0)
            {
                throw new InvalidDataException($"{path}: person key {table.PersonKeys[first + duplicate]:x16} appears twice in the roster.");
            }

            // A household is the run of rows with one key; that each key makes one run is checked when its index is built.
            for (var i = first; i < first + rows; i++)
            {
                if (i > 0 && table.HouseholdKeys[i] == table.HouseholdKeys[i - 1])
                {
                    table.Household[i] = table.Household[i - 1];
                    continue;
                }

                table.Household[i] = households;
                table.HouseholdStart[households] = i;
                households++;
            }

            next += rows;
        }

        public (RosterTable Table, RosterKeys Keys) Build()
        {
            if (next != people)
            {
                throw new InvalidDataException($"{path}: the footer promised {people} rows but {next} were read.");
            }

            table.HouseholdStart[households] = people;
            var built = new RosterTable
            {
                PersonKeys = table.PersonKeys,
                HouseholdKeys = table.HouseholdKeys,
                Household = table.Household,
                HouseholdStart = table.HouseholdStart[..(households + 1)],
                Sigungu = table.Sigungu,
                Eupmyeondong = table.Eupmyeondong,
                Age = table.Age,
                Male = table.Male,
                IsHead = table.IsHead,
                Disability = table.Disability,
                BasicLivelihood = table.BasicLivelihood,
                OtherBenefit = table.OtherBenefit,
                Status = table.Status,
            };
            return (built, new RosterKeys(personIndex, HouseholdIndex(built)));
        }

        /// <summary>Indexes each household's key, built once the count is known; a key seen twice is a household split in two.</summary>
        private KeyIndex HouseholdIndex(RosterTable built)
        {
            var keys = new long[households];
            for (var h = 0; h < households; h++)
            {
                keys[h] = built.HouseholdKeys[built.HouseholdStart[h]];
            }

            var index = new KeyIndex(households);
            if (index.AddAll(keys, 0) is var split and >= 0)
            {
                throw new InvalidDataException($"{path}: the members of household {keys[split]:x16} are not consecutive; the roster must be sorted by 시군구, household, person.");
            }

            return index;
        }
    }
}
