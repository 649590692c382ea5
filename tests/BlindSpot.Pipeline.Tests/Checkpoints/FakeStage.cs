using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Runs;
using BlindSpot.Pipeline.Stages;

namespace BlindSpot.Pipeline.Tests.Checkpoints;

/// <summary>A stage whose key is one settable value and which writes one output file and records itself, counting its runs.</summary>
internal sealed class FakeStage : IQuarterStage
{
    public string Name { get; init; } = "fake";

    public string Key { get; set; } = "a";

    public Exception? Failure { get; set; }

    public int Runs { get; private set; }

    public Task<IReadOnlyDictionary<string, string>?> InputsAsync(DataRoot root, Quarter quarter, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, string>?>(new Dictionary<string, string> { ["#key"] = Key });

    public async Task RunAsync(DataRoot root, Quarter quarter, IReadOnlyDictionary<string, string>? inputs, CancellationToken ct)
    {
        Runs++;
        if (Failure is not null)
        {
            throw Failure;
        }

        await File.WriteAllTextAsync(Output(root), Key, ct);
        RunManifest.LoadOrCreate(root.RunManifest(quarter), quarter.ToString())
            .With(new StageRecord { Stage = Name, State = StageState.Completed, StartedAt = DateTimeOffset.UnixEpoch, FinishedAt = DateTimeOffset.UnixEpoch })
            .Save(root.RunManifest(quarter));
    }

    public async Task<IReadOnlyDictionary<string, string>> OutputsAsync(DataRoot root, Quarter quarter, CancellationToken ct)
    {
        var files = new StageFiles(root);
        await files.AddAsync(Output(root), ct);
        return files.Hashes;
    }

    public static string Output(DataRoot root) => Path.Combine(root.Path, "fake.txt");
}
