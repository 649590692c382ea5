using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using Parquet;
using Parquet.Schema;

namespace BlindSpot.Simulation.Tests.TestSupport;

/// <summary>One row of truth/&lt;Q&gt;.parquet: the five severities and the three in-crisis flags.</summary>
internal sealed record TruthRow(string ResidentNo, string HouseholdNo, float[] Severity, bool[] InCrisis)
{
    /// <summary>The household had a supported outcome in the previous quarter's dispatch.</summary>
    public bool SupportedLastQuarter { get; init; }

    /// <summary>The household is invisible to every feed.</summary>
    public bool Invisible { get; init; }

    public static readonly string[] SeverityColumns = ["financial", "health", "isolation", "child_neglect", "housing"];
    public static readonly string[] FlagColumns = ["household_in_crisis", "child_in_crisis", "lonely_death_in_crisis"];

    public static Dictionary<string, TruthRow> Read(DataRoot root, Quarter quarter)
    {
        return ReadAsync(root.Truth(quarter)).GetAwaiter().GetResult();
    }

    private static async Task<Dictionary<string, TruthRow>> ReadAsync(string path)
    {
        var result = new Dictionary<string, TruthRow>(StringComparer.Ordinal);
        await using var reader = await ParquetReader.CreateAsync(path);
        DataField Field(string name) => reader.Schema.DataFields.Single(f => f.Name == name);
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = (int)group.RowCount;
            var residents = new string?[n];
            var households = new string?[n];
            await group.ReadAsync(Field("resident_no"), residents.AsMemory());
            await group.ReadAsync(Field("household_no"), households.AsMemory());
            var severities = new float[SeverityColumns.Length][];
            for (var d = 0; d < severities.Length; d++)
            {
                severities[d] = new float[n];
                await group.ReadAsync<float>(Field(SeverityColumns[d]), severities[d].AsMemory());
            }

            var flags = new bool[FlagColumns.Length][];
            for (var v = 0; v < flags.Length; v++)
            {
                flags[v] = new bool[n];
                await group.ReadAsync<bool>(Field(FlagColumns[v]), flags[v].AsMemory());
            }

            var supported = new bool[n];
            var invisible = new bool[n];
            await group.ReadAsync<bool>(Field("supported_last_quarter"), supported.AsMemory());
            await group.ReadAsync<bool>(Field("invisible"), invisible.AsMemory());
            for (var i = 0; i < n; i++)
            {
                result[residents[i]!] = new TruthRow(residents[i]!, households[i]!, [.. severities.Select(s => s[i])], [.. flags.Select(f => f[i])])
                {
                    SupportedLastQuarter = supported[i],
                    Invisible = invisible[i],
                };
            }
        }

        return result;
    }
}
