using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Testing;
using Parquet;
using Parquet.Schema;

namespace BlindSpot.Scoring.Tests.TestSupport;

/// <summary>
/// Writes features parts, a feature manifest and labels exactly as the contracts describe them, for a small population
/// whose outcome depends on a few feed features (and on an age × arrears interaction the crisis count cannot see), so
/// a model can learn and beat the rule baseline.
/// </summary>
internal static class SyntheticLake
{
    /// <summary>(name, kind) in schema order; p_crisis_count is the rule baseline.</summary>
    public static readonly (string Name, string Kind)[] Features =
    [
        ("p_age", "person"), ("p_male", "person"), ("p_crisis_count", "person"), ("hh_size", "household"),
        ("electricity_cutoff_presence", "feed"), ("health_insurance_arrears_max_months", "feed"),
        ("rent_arrears_max_months", "feed"), ("card_debt_log_amount", "feed"), ("telecom_arrears_presence", "feed"),
    ];

    /// <summary>The published sample key: person keys are what ingestion would make of the synthetic resident numbers.</summary>
    public static Pseudonymizer Keys { get; } = Pseudonymizer.ForSampleData();

    public static string SchemaHash { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', Features.Select(f => f.Name + ":float")))));

    /// <summary>The same people every quarter (keys stable), with features redrawn per quarter from <paramref name="seed"/>.</summary>
    public static IReadOnlyList<SyntheticPerson> People(Quarter quarter, int count, int seed)
    {
        // Seeded per quarter so every test run sees the same population.
        var random = new Random(seed + (quarter.Year * 10) + quarter.Number);
        var people = new List<SyntheticPerson>(count);
        for (var i = 0; i < count; i++)
        {
            var age = random.Next(0, 90);
            var size = age < 18 ? random.Next(2, 5) : random.Next(1, 5);
            var electricity = random.NextDouble() < 0.15 ? 1f : 0f;
            var health = random.NextDouble() < 0.2 ? random.Next(1, 13) : 0f;
            var rent = random.NextDouble() < 0.1 ? random.Next(1, 7) : 0f;
            var card = random.NextDouble() < 0.25 ? (float)(10 + (random.NextDouble() * 5)) : 0f;
            var telecom = random.NextDouble() < 0.2 ? 1f : 0f;
            float crisis = (electricity > 0 ? 1 : 0) + (health > 0 ? 1 : 0) + (rent > 0 ? 1 : 0) + (card > 0 ? 1 : 0) + (telecom > 0 ? 1 : 0);
            var logit = -3.2 + (1.4 * electricity) + (0.18 * health) + (0.5 * rent) + (age >= 60 && health > 0 ? 1.5 : 0) + (size == 1 ? 0.4 : 0);
            var sido = i % 2 == 0 ? "11" : "26";
            var sigungu = sido + (i % 3 == 0 ? "110" : "140");
            bool[] eligible = [age >= 18, age <= 17, age >= 40 && size == 1];
            var resident = "R" + i.ToString("D6", CultureInfo.InvariantCulture);
            people.Add(new SyntheticPerson(resident, Keys.Person(resident).Value, 500_000 + (i / 2), sido, sigungu, eligible,
                [age, i % 2, crisis, size, electricity, health, rent, card, telecom], 1 / (1 + Math.Exp(-logit))));
        }

        return people;
    }

    /// <summary>Features, manifest and labels of one quarter; returns the people written.</summary>
    public static async Task<IReadOnlyList<SyntheticPerson>> WriteQuarterAsync(DataRoot root, Quarter quarter, int count = 4000, int seed = 7)
    {
        var people = People(quarter, count, seed);
        var folder = root.FeaturesFolder(quarter);
        Directory.CreateDirectory(folder);
        // One part per 시도, each in a bucket folder of its own (the layout's names; scoring reads any split of the rows).
        var bucket = 0;
        foreach (var part in people.GroupBy(p => p.Sido).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var path = root.FeaturesBucket(quarter, bucket++);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await WritePartAsync(path, [.. part]);
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "feature-manifest.json"), JsonSerializer.Serialize(new
        {
            quarter = quarter.ToString(),
            schemaHash = SchemaHash,
            rows = people.Count,
            features = Features.Select(f => new { name = f.Name, type = "float", kind = f.Kind }),
        }));
        await LabelsWriter.WriteAsync(root.Labels(quarter), Labels(people, seed + quarter.Number));
        return people;
    }

    /// <summary>Per variant: the rule's top 10% by crisis count plus a random 6% audit sample; 5% unreachable.</summary>
    private static List<LabelsWriter.Row> Labels(IReadOnlyList<SyntheticPerson> people, int seed)
    {
        var random = new Random(seed);
        var rows = new List<LabelsWriter.Row>();
        foreach (var variant in VariantNames.All)
        {
            var v = (int)variant;
            var eligible = people.Where(p => p.Eligible[v]).ToList();
            var rule = eligible.OrderByDescending(p => p.Features[2]).ThenBy(p => p.PersonKey).Take(Math.Max(20, eligible.Count / 10)).ToHashSet();
            foreach (var person in eligible)
            {
                var selectedBy = rule.Contains(person) ? "rule" : random.NextDouble() < 0.06 ? "audit" : null;
                if (selectedBy is null)
                {
                    continue;
                }

                var outcome = random.NextDouble() < 0.05 ? "unreachable" : random.NextDouble() < person.Risk ? "supported" : "not_eligible";
                rows.Add(new LabelsWriter.Row(person.PersonKey, variant.ToCode(), outcome, selectedBy, person.Sigungu, new DateOnly(2026, 1, 15)));
            }
        }

        return rows;
    }

    private static async Task WritePartAsync(string path, SyntheticPerson[] people)
    {
        var fields = new List<DataField>
        {
            new DataField<long>("person_key", false), new DataField<long>("household_key", false), new DataField<string>("sido_code", false),
            new DataField<string>("sigungu_code", false), new DataField<string>("eupmyeondong_code", false), new DataField<string>("status", false),
            new DataField<bool>("eligible_household", false), new DataField<bool>("eligible_child", false), new DataField<bool>("eligible_lonely_death", false),
        };
        fields.AddRange(Features.Select(f => new DataField<float>(f.Name, false)));
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields.ToArray()), stream);

        // Two row groups, so readers are tested across group boundaries.
        foreach (var chunk in people.Chunk((people.Length / 2) + 1))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(fields[0], (ReadOnlyMemory<long>)chunk.Select(p => p.PersonKey).ToArray());
            await group.WriteAsync(fields[1], (ReadOnlyMemory<long>)chunk.Select(p => p.HouseholdKey).ToArray());
            await group.WriteAsync(fields[2], chunk.Select(p => p.Sido).ToArray());
            await group.WriteAsync(fields[3], chunk.Select(p => p.Sigungu).ToArray());
            await group.WriteAsync(fields[4], chunk.Select(p => p.Sigungu + "510").ToArray());
            await group.WriteAsync(fields[5], chunk.Select(_ => "R").ToArray());
            for (var v = 0; v < 3; v++)
            {
                await group.WriteAsync(fields[6 + v], (ReadOnlyMemory<bool>)chunk.Select(p => p.Eligible[v]).ToArray());
            }

            for (var f = 0; f < Features.Length; f++)
            {
                await group.WriteAsync(fields[9 + f], (ReadOnlyMemory<float>)chunk.Select(p => p.Features[f]).ToArray());
            }
        }
    }
}
