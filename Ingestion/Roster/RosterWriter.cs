using System.Runtime.InteropServices;
using Parquet;
using Parquet.Schema;

namespace BlindSpot.Ingestion.Roster;

/// <summary>
/// Writes the roster, the table every later stage joins on, one file per bucket, each sorted by (sigungu_code,
/// household_key, person_key) so a shard by region reads one contiguous range. Schema is the roster contract; see the columns below.
/// </summary>
internal static class RosterWriter
{
    private static readonly DataField<long> PersonKey = new(Core.Contracts.RosterColumns.PersonKey, false);
    private static readonly DataField<long> HouseholdKey = new(Core.Contracts.RosterColumns.HouseholdKey, false);
    private static readonly DataField<bool> IsHead = new(Core.Contracts.RosterColumns.IsHead, false);
    private static readonly DataField<string> SigunguCode = new(Core.Contracts.RosterColumns.SigunguCode, false);
    private static readonly DataField<string> EupmyeondongCode = new(Core.Contracts.RosterColumns.EupmyeondongCode, false);
    private static readonly DataField<DateOnly> BirthDate = new(Core.Contracts.RosterColumns.BirthDate, false);
    private static readonly DataField<int> Age = new(Core.Contracts.RosterColumns.Age, false);
    private static readonly DataField<string> Sex = new(Core.Contracts.RosterColumns.Sex, false);
    private static readonly DataField<bool> Disability = new(Core.Contracts.RosterColumns.Disability, false);
    private static readonly DataField<bool> BasicLivelihood = new(Core.Contracts.RosterColumns.BasicLivelihood, false);
    private static readonly DataField<bool> OtherBenefit = new(Core.Contracts.RosterColumns.OtherBenefit, false);
    private static readonly DataField<string> Status = new(Core.Contracts.RosterColumns.Status, false);
    private static readonly DataField<DateOnly> StatusDate = new(Core.Contracts.RosterColumns.StatusDate, true);

    public static ParquetSchema Schema { get; } = new(
        PersonKey, HouseholdKey, IsHead, SigunguCode, EupmyeondongCode, BirthDate, Age, Sex, Disability, BasicLivelihood, OtherBenefit, Status, StatusDate);

    /// <summary>
    /// The stage's Parquet settings plus dictionary encoding of the four code columns. A row group of them holds a few
    /// hundred distinct values, so a reader gets one string per distinct value instead of one per row: decoding 36 million
    /// short strings was two thirds of the features stage's roster read at 9 million people. The schema stays the same.
    /// </summary>
    private static ParquetOptions Options { get; } = WithDictionaries(SigunguCode, EupmyeondongCode, Sex, Status);

    /// <summary>
    /// Writes one bucket's file (<c>roster/&lt;Q&gt;/bucket=NNN/part-0.parquet</c>) from a table holding exactly that
    /// bucket's rows, sorted by (sigungu_code, household_key, person_key), with one 시군구 per row group (named in the
    /// file's metadata, <see cref="Core.Contracts.BucketLayout.RowGroupSigunguKey"/>) and at most
    /// <paramref name="rowGroupSize"/> rows in one; an empty table gives an empty file. Keys are unique, so the order
    /// is total: the file is the same whether the bucket was sorted alone or cut from the whole roster sorted.
    /// </summary>
    public static Task WriteBucketAsync(RosterTable table, string path, int rowGroupSize, CancellationToken cancellationToken) =>
        WriteFileAsync(table, SortOrder(table), path, rowGroupSize, cancellationToken);

    private static async Task WriteFileAsync(RosterTable table, ReadOnlyMemory<int> rows, string path, int rowGroupSize, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16))
        {
            await using var writer = await ParquetWriter.CreateAsync(Schema, stream, Options, cancellationToken: cancellationToken);
            var sigungu = new List<string>();
            foreach (var (start, length) in Groups(table, rows.Span, rowGroupSize))
            {
                sigungu.Add(length == 0 ? string.Empty : table.SigunguCode[rows.Span[start]]);
                await WriteGroupAsync(writer, table, rows.Slice(start, length), cancellationToken);
            }

            writer.CustomMetadata = new Dictionary<string, string>(StringComparer.Ordinal) { [Core.Contracts.BucketLayout.RowGroupSigunguKey] = string.Join(',', sigungu) };
        }

        File.Move(temporary, path, overwrite: true);
    }

    // Row groups end where the 시군구 changes or at the size limit; an empty bucket is one empty group.
    private static List<(int Start, int Length)> Groups(RosterTable table, ReadOnlySpan<int> rows, int rowGroupSize)
    {
        var groups = new List<(int, int)>();
        var start = 0;
        for (var i = 1; i <= rows.Length; i++)
        {
            if (i == rows.Length || i - start == rowGroupSize || table.SigunguCode.CodeOf(rows[i]) != table.SigunguCode.CodeOf(rows[start]))
            {
                groups.Add((start, i - start));
                start = i;
            }
        }

        return groups.Count == 0 ? [(0, 0)] : groups;
    }

    private static async Task WriteGroupAsync(ParquetWriter writer, RosterTable t, ReadOnlyMemory<int> rows, CancellationToken ct)
    {
        using var group = writer.CreateRowGroup();
        await group.WriteAsync<long>(PersonKey, Pick(t.PersonKey, rows), cancellationToken: ct);
        await group.WriteAsync<long>(HouseholdKey, Pick(t.HouseholdKey, rows), cancellationToken: ct);
        await group.WriteAsync<bool>(IsHead, Pick(t.IsHead, rows), cancellationToken: ct);
        await group.WriteAsync(SigunguCode, Pick(t.SigunguCode, rows));
        await group.WriteAsync(EupmyeondongCode, Pick(t.EupmyeondongCode, rows));
        await group.WriteAsync<DateOnly>(BirthDate, Pick(t.BirthDate, rows), cancellationToken: ct);
        await group.WriteAsync<int>(Age, Pick(t.Age, rows), cancellationToken: ct);
        await group.WriteAsync(Sex, Pick(t.Sex, rows));
        await group.WriteAsync<bool>(Disability, Pick(t.Disability, rows), cancellationToken: ct);
        await group.WriteAsync<bool>(BasicLivelihood, Pick(t.BasicLivelihood, rows), cancellationToken: ct);
        await group.WriteAsync<bool>(OtherBenefit, Pick(t.OtherBenefit, rows), cancellationToken: ct);
        await group.WriteAsync(Status, Pick(t.Status, rows));
        await group.WriteAsync<DateOnly>(StatusDate, Pick(t.StatusDate, rows), cancellationToken: ct);
    }

    private static T[] Pick<T>(ChunkedColumn<T> column, ReadOnlyMemory<int> rows)
    {
        var result = new T[rows.Length];
        var span = rows.Span;
        for (var i = 0; i < span.Length; i++)
        {
            result[i] = column[span[i]];
        }

        return result;
    }

    private static string[] Pick(CodedColumn column, ReadOnlyMemory<int> rows)
    {
        var result = new string[rows.Length];
        var span = rows.Span;
        for (var i = 0; i < span.Length; i++)
        {
            result[i] = column[span[i]];
        }

        return result;
    }

    // Rows are bucketed by sigungu (a counting sort over a few hundred codes), then each bucket is sorted by
    // (household_key, person_key) as one 128-bit key, buckets in parallel: a comparison sort of 9M rows through a
    // delegate took several seconds on one core.
    private static int[] SortOrder(RosterTable t)
    {
        var sigungu = t.SigunguCode;
        var rankOf = RankOf(sigungu.Distinct);
        var starts = new int[rankOf.Length + 1];
        for (var row = 0; row < t.Count; row++)
        {
            starts[rankOf[sigungu.CodeOf(row)] + 1]++;
        }

        for (var r = 1; r < starts.Length; r++)
        {
            starts[r] += starts[r - 1];
        }

        var order = new int[t.Count];
        var keys = new UInt128[t.Count];
        var next = (int[])starts.Clone();
        for (var row = 0; row < t.Count; row++)
        {
            var slot = next[rankOf[sigungu.CodeOf(row)]]++;
            order[slot] = row;
            keys[slot] = new UInt128(Sortable(t.HouseholdKey[row]), Sortable(t.PersonKey[row]));
        }

        Parallel.For(0, rankOf.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, r =>
            Array.Sort(keys, order, starts[r], starts[r + 1] - starts[r]));
        return order;
    }

    private static ParquetOptions WithDictionaries(params DataField[] fields)
    {
        var shared = IngestContext.ParquetOptions;
        var options = new ParquetOptions
        {
            CompressionMethod = shared.CompressionMethod,
            MaximumSmallPoolFreeBytes = shared.MaximumSmallPoolFreeBytes,
            MaximumLargePoolFreeBytes = shared.MaximumLargePoolFreeBytes,

            // Always a dictionary for these columns, even in a tiny roster where every code is distinct.
            DictionaryEncodingThreshold = 1,
        };
        foreach (var field in fields)
        {
            options.ColumnEncodingHints[field.Path.ToString()] = EncodingHint.Dictionary;
        }

        return options;
    }

    // Flipping the sign bit makes unsigned order equal signed order.
    private static ulong Sortable(long value) => unchecked((ulong)value ^ 0x8000_0000_0000_0000UL);

    private static int[] RankOf(IReadOnlyList<string> distinct)
    {
        var sorted = distinct.Select((value, code) => (value, code)).OrderBy(p => p.value, StringComparer.Ordinal).ToList();
        var rank = new int[distinct.Count];
        for (var r = 0; r < sorted.Count; r++)
        {
            rank[sorted[r].code] = r;
        }

        return rank;
    }
}
