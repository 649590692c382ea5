using BlindSpot.Features.Schema;
using Parquet;
using Parquet.Schema;

namespace BlindSpot.Features.Writing;

/// <summary>
/// Writes one bucket's rows as its <c>part-0.parquet</c>: keys, region codes, status and variant eligibility, then every
/// feature as FLOAT, one column at a time per row group so memory stays at one column of one row group.
/// </summary>
internal static class PartitionWriter
{
    public const string PersonKey = Core.Contracts.KeyColumns.PersonKey;
    public const string HouseholdKey = Core.Contracts.KeyColumns.HouseholdKey;
    public const string SidoCode = Core.Contracts.KeyColumns.SidoCode;
    public const string SigunguCode = Core.Contracts.KeyColumns.SigunguCode;
    public const string EupmyeondongCode = Core.Contracts.KeyColumns.EupmyeondongCode;
    public const string Status = "status";
    public const string EligibleHousehold = "eligible_household";
    public const string EligibleChild = "eligible_child";
    public const string EligibleLonelyDeath = "eligible_lonely_death";

    public static ParquetSchema BuildSchema(FeatureSchema features) => new(
        new DataField[]
        {
            new DataField<long>(PersonKey, false),
            new DataField<long>(HouseholdKey, false),
            new DataField<string>(SidoCode, false),
            new DataField<string>(SigunguCode, false),
            new DataField<string>(EupmyeondongCode, false),
            new DataField<string>(Status, false),
            new DataField<bool>(EligibleHousehold, false),
            new DataField<bool>(EligibleChild, false),
            new DataField<bool>(EligibleLonelyDeath, false),
        }.Concat(features.Columns.Select(c => new DataField<float>(c.Name, false))).ToArray());

    /// <summary>
    /// Snappy, with the four text columns dictionary-encoded: a row group holds at most 17 시도, 229 시군구 and four
    /// statuses, so the writer hashes short strings instead of encoding and comparing 36 million of them at 9 million
    /// people, and readers get one string per distinct value. The schema (and so the contract) is unchanged.
    /// </summary>
    private static ParquetOptions Options(ParquetSchema schema)
    {
        // Threshold 1: always a dictionary for these columns, even in a part of a few rows where every code is distinct.
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy, DictionaryEncodingThreshold = 1 };
        string[] text = [SidoCode, SigunguCode, EupmyeondongCode, Status];
        foreach (var field in schema.DataFields.Where(f => text.Contains(f.Name)))
        {
            options.ColumnEncodingHints[field.Path.ToString()] = EncodingHint.Dictionary;
        }

        return options;
    }

    /// <summary>Writes the partition and returns the statistics of each feature column, in schema order.</summary>
    public static async Task<FeatureStatistics[]> WriteAsync(FeatureContext context, Partition partition, string path, CancellationToken ct)
    {
        var schema = BuildSchema(context.Schema);
        var fields = schema.DataFields;
        var statistics = context.Schema.Columns.Select(_ => new FeatureStatistics()).ToArray();
        var temporary = path + ".tmp";
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            await using var writer = await ParquetWriter.CreateAsync(schema, stream, Options(schema), cancellationToken: ct).ConfigureAwait(false);
            var buffer = new float[Math.Min(partition.Rows, context.Options.RowGroupSize)];
            for (var start = partition.Start; start < partition.End; start += context.Options.RowGroupSize)
            {
                var rows = Math.Min(context.Options.RowGroupSize, partition.End - start);
                using var group = writer.CreateRowGroup();
                await WriteIdentityAsync(context, fields, group, start, rows, ct).ConfigureAwait(false);
                for (var c = 0; c < context.Schema.Columns.Count; c++)
                {
                    var values = buffer.AsMemory(0, rows);
                    FeatureColumnFiller.Fill(context, context.Schema.Columns[c], start, values.Span);
                    statistics[c].Add(values.Span);
                    await group.WriteAsync(fields[9 + c], (ReadOnlyMemory<float>)values, cancellationToken: ct).ConfigureAwait(false);
                }
            }
        }

        File.Move(temporary, path, overwrite: true);
        return statistics;
    }

    private static async Task WriteIdentityAsync(FeatureContext context, IReadOnlyList<DataField> fields, ParquetRowGroupWriter group, int start, int rows, CancellationToken ct)
    {
        var roster = context.Roster;
        var options = context.Options;
        await group.WriteAsync(fields[0], (ReadOnlyMemory<long>)roster.PersonKeys.AsMemory(start, rows), cancellationToken: ct).ConfigureAwait(false);
        await group.WriteAsync(fields[1], (ReadOnlyMemory<long>)roster.HouseholdKeys.AsMemory(start, rows), cancellationToken: ct).ConfigureAwait(false);
        var text = new ReadOnlyMemory<char>[rows];
        var sido = new int[rows];
        for (var k = 0; k < rows; k++)
        {
            sido[k] = roster.Sigungu[start + k] / 1000;
        }

        CodeTexts.Fill(sido, "D2", text);
        await group.WriteAsync(fields[2], (ReadOnlyMemory<ReadOnlyMemory<char>>)text, cancellationToken: ct).ConfigureAwait(false);
        CodeTexts.Fill(roster.Sigungu.AsSpan(start, rows), "D5", text);
        await group.WriteAsync(fields[3], (ReadOnlyMemory<ReadOnlyMemory<char>>)text, cancellationToken: ct).ConfigureAwait(false);
        CodeTexts.Fill(roster.Eupmyeondong.AsSpan(start, rows), "D8", text);
        await group.WriteAsync(fields[4], (ReadOnlyMemory<ReadOnlyMemory<char>>)text, cancellationToken: ct).ConfigureAwait(false);
        for (var k = 0; k < rows; k++)
        {
            text[k] = StatusText(roster.Status[start + k]);
        }

        await group.WriteAsync(fields[5], (ReadOnlyMemory<ReadOnlyMemory<char>>)text, cancellationToken: ct).ConfigureAwait(false);
        var adult = new bool[rows];
        var child = new bool[rows];
        var lonely = new bool[rows];
        for (var k = 0; k < rows; k++)
        {
            var i = start + k;
            int age = roster.Age[i];
            adult[k] = age >= options.AdultMinAge;
            child[k] = age <= options.ChildMaxAge;
            lonely[k] = age >= options.LonelyDeathMinAge && roster.HouseholdSize(roster.Household[i]) == 1;
        }

        await group.WriteAsync(fields[6], (ReadOnlyMemory<bool>)adult, cancellationToken: ct).ConfigureAwait(false);
        await group.WriteAsync(fields[7], (ReadOnlyMemory<bool>)child, cancellationToken: ct).ConfigureAwait(false);
        await group.WriteAsync(fields[8], (ReadOnlyMemory<bool>)lonely, cancellationToken: ct).ConfigureAwait(false);
    }

    private static ReadOnlyMemory<char> StatusText(char status) => status switch
    {
        'R' => "R".AsMemory(),
        'M' => "M".AsMemory(),
        'D' => "D".AsMemory(),
        _ => "?".AsMemory(),
    };
}
