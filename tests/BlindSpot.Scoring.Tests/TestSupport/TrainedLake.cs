using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Scoring.Training;

namespace BlindSpot.Scoring.Tests.TestSupport;

/// <summary>
/// A temporary data root with four synthetic quarters (2025Q3..2026Q1 to train, 2026Q2 to validate) and a models folder;
/// made once per fixture because writing and training take a second or two. Deleted on dispose.
/// </summary>
internal sealed class TrainedLake : IDisposable
{
    public static readonly QuarterRange TrainQuarters = QuarterRange.Parse("2025Q3..2026Q1");
    public static readonly Quarter ValidQuarter = Quarter.Parse("2026Q2");

    private TrainedLake(string folder)
    {
        Folder = folder;
        Root = new DataRoot(Path.Combine(folder, "data"));
        Models = Path.Combine(folder, "models");
    }

    public string Folder { get; }

    public DataRoot Root { get; }

    public string Models { get; }

    public Dictionary<Quarter, IReadOnlyList<SyntheticPerson>> People { get; } = [];

    public static async Task<TrainedLake> CreateAsync()
    {
        var lake = new TrainedLake(Path.Combine(Path.GetTempPath(), "blindspot-scoring-" + Guid.NewGuid().ToString("N")[..12]));
        foreach (var quarter in TrainQuarters.Append(ValidQuarter))
        {
            lake.People[quarter] = await SyntheticLake.WriteQuarterAsync(lake.Root, quarter);
        }

        return lake;
    }

    /// <summary>Small, fast hyper-parameters: enough trees to learn the synthetic signal in well under a second.</summary>
    public static TrainingOptions Options(Variant variant, int seed = 11) => new()
    {
        Variant = variant,
        Train = TrainQuarters,
        Valid = ValidQuarter,
        Trees = 40,
        Leaves = 8,
        LearningRate = 0.1,
        MinExamplesPerLeaf = 5,
        Seed = seed,
        // The synthetic lake records the generic "supported" only, so every kind of support counts (child's default would find none).
        PositiveKinds = null,
    };

    public Task<TrainingResult> TrainAsync(Variant variant, string? models = null, int seed = 11) =>
        new TrainingJob(new FixedClock()).RunAsync(Root, models ?? Models, Options(variant, seed), "test", CancellationToken.None);

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
