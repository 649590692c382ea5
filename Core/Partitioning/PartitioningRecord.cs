using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlindSpot.Core.Partitioning;

/// <summary>
/// <c>roster/&lt;Q&gt;/_partitioning.json</c>: how ingestion split the quarter, so every later stage (and a reader with
/// another B) knows the buckets without listing folders. Written with the roster; a declared input of the stages after it.
/// </summary>
public sealed record PartitioningRecord
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>What <see cref="Assignment"/> says today: the bucket is the household key's slice of the 64-bit range.</summary>
    public const string HouseholdKeyRange = "household_key range: bucket = ((household_key xor 2^63) * buckets) >> 64";

    /// <summary>B.</summary>
    public required int Buckets { get; init; }

    /// <summary>How a household's bucket is computed (<see cref="HouseholdKeyRange"/>).</summary>
    public string Assignment { get; init; } = HouseholdKeyRange;

    /// <summary>Roster people in each bucket, bucket 0 first.</summary>
    public IReadOnlyList<long> People { get; init; } = [];

    [JsonIgnore]
    public Buckets Partitioning => new(Buckets);

    /// <summary>Writes the record (replacing one there) through a temporary file.</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(this, Json));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The record at <paramref name="path"/>, or null when there is none.</summary>
    public static PartitioningRecord? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var record = JsonSerializer.Deserialize<PartitioningRecord>(File.ReadAllBytes(path), Json)
            ?? throw new InvalidDataException($"{path}: the partitioning record is empty.");
        _ = record.Partitioning;
        return record;
    }
}
