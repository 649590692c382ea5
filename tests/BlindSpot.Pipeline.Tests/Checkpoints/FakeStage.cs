using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Stages;

namespace BlindSpot.Pipeline.Tests.Checkpoints;

/// <summary>A stage whose key is one settable value and which writes one output file, counting its runs.</summary>
internal sealed class FakeStage : IQuarterStage
{
    public string Name { get; init; } = "fake";

    public string Key { get; set; } = "a";

    public Exception? Failure { get; set; }

    public int Runs { get; private set; }

    public StageDeclaration Declare(DataRoot root, Quarter quarter) => StageDeclaration.Empty.DependsOn("key", Key).Writes(Output(root));

    public async Task<StageOutcome> RunAsync(StageRun run, CancellationToken ct)
    {
        Runs++;
        if (Failure is not null)
        {
            throw Failure;
        }

        await File.WriteAllTextAsync(Output(run.Root), Key, ct);
        return StageOutcome.Empty;
    }

    public static string Output(DataRoot root) => Path.Combine(root.Path, "fake.txt");
}
