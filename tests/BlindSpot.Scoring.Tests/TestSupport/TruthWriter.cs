using Parquet;
using Parquet.Schema;

namespace BlindSpot.Scoring.Tests.TestSupport;

/// <summary>Writes <c>truth/&lt;Q&gt;.parquet</c> in the simulator's shape (resident_no, per variant risk and in-crisis) for synthetic people.</summary>
internal static class TruthWriter
{
    /// <summary>In crisis = risk above this; the risk itself is the oracle's ranking.</summary>
    public const double CrisisRisk = 0.3;

    public static async Task WriteAsync(string path, IReadOnlyList<SyntheticPerson> people)
    {
        string[] codes = ["household", "child", "lonely_death"];
        var fields = new List<DataField> { new DataField<string>("resident_no", false), new DataField<string>("household_no", false) };
        fields.AddRange(codes.Select(c => new DataField<float>(c + "_risk", false)));
        fields.AddRange(codes.Select(c => new DataField<bool>(c + "_in_crisis", false)));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields.ToArray()), stream);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(fields[0], people.Select(p => p.ResidentNo).ToArray());
        await group.WriteAsync(fields[1], people.Select(p => "H" + p.HouseholdKey.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        for (var v = 0; v < 3; v++)
        {
            await group.WriteAsync(fields[2 + v], (ReadOnlyMemory<float>)people.Select(p => (float)p.Risk).ToArray());
        }

        for (var v = 0; v < 3; v++)
        {
            await group.WriteAsync(fields[5 + v], (ReadOnlyMemory<bool>)people.Select(p => p.Risk > CrisisRisk).ToArray());
        }
    }
}
