using System.Globalization;
using System.Text.Json;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Features.Schema;
using Parquet;
using Parquet.Schema;

namespace BlindSpot.Bench;

/// <summary>
/// A features-shaped quarter at any size, for timing Scoring when the full pipeline's 9M-person data is not at hand:
/// the real schema (FeatureSchema.For the embedded catalog), 17 시도 parts of 1M-row groups, sparse feed features with a
/// learnable signal, a feature manifest and labels for a share of eligible people. Optionally writes the household
/// labelled matrix and the full matrix as .npy float32 files so XGBoost fits and predicts the very same numbers.
/// </summary>
internal static class SyntheticScoringData
{
    private static readonly string[] Sidos = ["11", "26", "27", "28", "29", "30", "31", "36", "41", "43", "44", "46", "47", "48", "50", "51", "52"];

    public static int Run(string data, string quarterText, long people, double labelledShare, string? npyFolder)
    {
        var root = new DataRoot(data);
        var quarter = Quarter.Parse(quarterText);
        var schema = FeatureSchema.For(FeedCatalog.LoadDefault());
        var folder = root.FeaturesFolder(quarter);
        Directory.CreateDirectory(folder);
        var labels = new List<(long Key, string Variant, string Outcome, string SelectedBy, string Sigungu)>();
        using var npy = npyFolder is null ? null : new NpyMatrices(npyFolder, schema.Columns.Count, people);
        var perPart = (people + Sidos.Length - 1) / Sidos.Length;
        for (var p = 0; p < Sidos.Length; p++)
        {
            var start = p * perPart;
            var rows = (int)Math.Min(perPart, people - start);
            if (rows > 0)
            {
                var path = root.FeaturesBucket(quarter, p);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                WritePart(path, Sidos[p], start, rows, schema, labelledShare, quarter, labels, npy).GetAwaiter().GetResult();
            }
        }

        File.WriteAllText(Path.Combine(folder, "feature-manifest.json"), JsonSerializer.Serialize(new
        {
            quarter = quarter.ToString(),
            schemaHash = schema.Hash,
            rows = people,
            features = schema.Columns.Select(c => new { name = c.Name, type = "float", kind = c.Kind.ToString().ToLowerInvariant() }),
        }));
        WriteLabels(root.Labels(quarter), labels).GetAwaiter().GetResult();
        Console.WriteLine($"{quarter}: {people:N0} people × {schema.Columns.Count} features, {labels.Count:N0} labels");
        return 0;
    }

    private static async Task WritePart(string path, string sido, long first, int rows, FeatureSchema schema, double labelledShare, Quarter quarter,
        List<(long, string, string, string, string)> labels, NpyMatrices? npy)
    {
        var fields = new List<DataField>
        {
            new DataField<long>("person_key", false), new DataField<long>("household_key", false), new DataField<string>("sido_code", false),
            new DataField<string>("sigungu_code", false), new DataField<string>("eupmyeondong_code", false), new DataField<string>("status", false),
            new DataField<bool>("eligible_household", false), new DataField<bool>("eligible_child", false), new DataField<bool>("eligible_lonely_death", false),
        };
        fields.AddRange(schema.Columns.Select(c => new DataField<float>(c.Name, false)));
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields.ToArray()), stream, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy });
        for (var offset = 0; offset < rows; offset += 1_000_000)
        {
            var n = Math.Min(1_000_000, rows - offset);
            var group = Generate(schema, first + offset, n, sido, quarter);
            using var rowGroup = writer.CreateRowGroup();
            await rowGroup.WriteAsync(fields[0], (ReadOnlyMemory<long>)group.Keys);
            await rowGroup.WriteAsync(fields[1], (ReadOnlyMemory<long>)group.Households);
            await rowGroup.WriteAsync(fields[2], Enumerable.Repeat(sido, n).ToArray());
            await rowGroup.WriteAsync(fields[3], group.Sigungu);
            await rowGroup.WriteAsync(fields[4], group.Sigungu.Select(s => s + "510").ToArray());
            await rowGroup.WriteAsync(fields[5], Enumerable.Repeat("R", n).ToArray());
            for (var v = 0; v < 3; v++)
            {
                await rowGroup.WriteAsync(fields[6 + v], (ReadOnlyMemory<bool>)group.Eligible[v]);
            }

            for (var c = 0; c < schema.Columns.Count; c++)
            {
                await rowGroup.WriteAsync(fields[9 + c], (ReadOnlyMemory<float>)group.Columns[c]);
            }

            npy?.Append(group.Columns, n);
            AddLabels(group, n, labelledShare, labels, npy);
        }
    }

    private static void AddLabels(Generated group, int n, double labelledShare, List<(long, string, string, string, string)> labels, NpyMatrices? npy)
    {
        // Seeded by the first key: the same people get the same labels every run.
        var random = new Random(unchecked((int)group.Keys[0]));
        string[] codes = ["household", "child", "lonely_death"];
        for (var r = 0; r < n; r++)
        {
            for (var v = 0; v < 3; v++)
            {
                if (!group.Eligible[v][r] || random.NextDouble() >= labelledShare)
                {
                    continue;
                }

                var supported = random.NextDouble() < group.Risk[r];
                var outcome = random.NextDouble() < 0.04 ? "unreachable" : supported ? "supported" : "not_eligible";
                labels.Add((group.Keys[r], codes[v], outcome, random.NextDouble() < 0.1 ? "audit" : "rule", group.Sigungu[r]));
                if (v == 0 && outcome != "unreachable")
                {
                    npy?.AddLabelled(group.Columns, r, supported);
                }
            }
        }
    }

    private static Generated Generate(FeatureSchema schema, long first, int n, string sido, Quarter quarter)
    {
        var random = new Random(unchecked((int)(first * 7919) + quarter.Number));
        var columns = schema.Columns.Select(_ => new float[n]).ToArray();
        var names = schema.Columns.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i);
        var feeds = schema.Columns.Select((c, i) => (c, i)).Where(x => x.c.Kind == FeatureKind.Feed).GroupBy(x => x.c.Feed!).ToArray();
        var keys = new long[n];
        var households = new long[n];
        var sigungu = new string[n];
        bool[][] eligible = [new bool[n], new bool[n], new bool[n]];
        var risk = new double[n];
        for (var r = 0; r < n; r++)
        {
            keys[r] = 1_000_000_000L + first + r;
            households[r] = 5_000_000_000L + ((first + r) / 2);
            sigungu[r] = sido + (110 + (10 * random.Next(0, 12))).ToString(CultureInfo.InvariantCulture);
            var age = random.Next(0, 95);
            var size = age < 18 ? random.Next(2, 6) : random.Next(1, 5);
            columns[names["p_age"]][r] = age;
            columns[names["p_male"]][r] = random.Next(2);
            columns[names["hh_size"]][r] = size;
            columns[names["hh_single_person"]][r] = size == 1 ? 1 : 0;
            eligible[0][r] = age >= 18;
            eligible[1][r] = age <= 17;
            eligible[2][r] = age >= 40 && size == 1;
            var crises = 0;
            var logit = -4.0 + (size == 1 ? 0.5 : 0) + (age >= 65 ? 0.3 : 0);
            for (var f = 0; f < feeds.Length; f++)
            {
                var present = random.NextDouble() < 0.04;
                foreach (var (column, index) in feeds[f])
                {
                    columns[index][r] = present ? 1 + random.Next(12) : column.NoRecordValue;
                }

                if (present)
                {
                    crises++;
                    logit += (f % 5) switch { 0 => 1.2, 1 => 0.6, 2 => 0.2, _ => 0.05 };
                }
            }

            columns[names["p_crisis_count"]][r] = crises;
            risk[r] = 1 / (1 + Math.Exp(-logit));
        }

        return new Generated(keys, households, sigungu, eligible, columns, risk);
    }

    private static async Task WriteLabels(string path, List<(long Key, string Variant, string Outcome, string SelectedBy, string Sigungu)> labels)
    {
        var fields = new DataField[]
        {
            new DataField<long>("person_key", false), new DataField<string>("variant", false), new DataField<string>("outcome", false),
            new DataField<DateOnly>("outcome_date", false), new DataField<string>("selected_by", false), new DataField<string>("sigungu_code", false),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, new ParquetOptions { UseDateOnlyTypeForDates = true });
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(fields[0], (ReadOnlyMemory<long>)labels.Select(l => l.Key).ToArray());
        await group.WriteAsync(fields[1], labels.Select(l => l.Variant).ToArray());
        await group.WriteAsync(fields[2], labels.Select(l => l.Outcome).ToArray());
        await group.WriteAsync(fields[3], (ReadOnlyMemory<DateOnly>)labels.Select(_ => new DateOnly(2026, 1, 15)).ToArray());
        await group.WriteAsync(fields[4], labels.Select(l => l.SelectedBy).ToArray());
        await group.WriteAsync(fields[5], labels.Select(l => l.Sigungu).ToArray());
    }

    private sealed record Generated(long[] Keys, long[] Households, string[] Sigungu, bool[][] Eligible, float[][] Columns, double[] Risk);
}
