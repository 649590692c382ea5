using System.Text.Json;
using System.Text.Json.Serialization;
using BlindSpot.Core.Paths;

namespace BlindSpot.Core.Runs;

/// <summary>
/// <c>runs/&lt;Q&gt;/manifest.json</c>: one <see cref="StageRecord"/> per stage, the checkpoint a rerun resumes from.
/// Immutable: <see cref="With"/> returns a new manifest. Saved atomically (write to a temporary file, then rename).
/// </summary>
public sealed record RunManifest
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public required string Quarter { get; init; }

    /// <summary>Stage name → its latest record.</summary>
    public IReadOnlyDictionary<string, StageRecord> Stages { get; init; } = new SortedDictionary<string, StageRecord>(StringComparer.Ordinal);

    /// <summary>This manifest with <paramref name="record"/> replacing any earlier record of the same stage.</summary>
    public RunManifest With(StageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var stages = new SortedDictionary<string, StageRecord>(Stages.ToDictionary(), StringComparer.Ordinal) { [record.Stage] = record };
        return this with { Stages = stages };
    }

    public StageRecord? Find(string stage) => Stages.GetValueOrDefault(stage);

    /// <summary>The manifest at <paramref name="path"/>, or an empty one for <paramref name="quarter"/> when there is none yet.</summary>
    public static RunManifest LoadOrCreate(string path, string quarter)
    {
        if (!File.Exists(path))
        {
            return new RunManifest { Quarter = quarter };
        }

        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<RunManifest>(stream, Json)
            ?? throw new InvalidDataException($"{path}: the run manifest is empty; delete it to start the quarter's run afresh.");
    }

    /// <summary>The run manifest of <paramref name="quarter"/> under <paramref name="root"/>, or an empty one when there is none yet.</summary>
    public static RunManifest Load(DataRoot root, Quarters.Quarter quarter)
    {
        ArgumentNullException.ThrowIfNull(root);
        return LoadOrCreate(root.RunManifest(quarter), quarter.ToString());
    }

    /// <summary>Replaces <paramref name="record"/>'s stage in the run manifest of <paramref name="quarter"/> and saves it.</summary>
    public static void Record(DataRoot root, Quarters.Quarter quarter, StageRecord record)
    {
        ArgumentNullException.ThrowIfNull(root);
        Load(root, quarter).With(record).Save(root.RunManifest(quarter));
    }

    /// <summary>Writes to a temporary file beside <paramref name="path"/> and renames it, so a crash never leaves half a manifest.</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(this, Json));
        File.Move(temporary, path, overwrite: true);
    }
}
