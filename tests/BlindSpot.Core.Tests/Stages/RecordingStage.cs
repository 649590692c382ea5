using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Stages;

namespace BlindSpot.Core.Tests.Stages;

/// <summary>
/// A stage reading <c>in.txt</c> (a file input), with a catalog version, a model hash and an option as its other inputs,
/// and writing <c>out.txt</c> (the input's text and the option); counts its runs and can be told to fail.
/// </summary>
internal sealed class RecordingStage : IQuarterStage
{
    public string Name => "recording";

    public string Catalog { get; set; } = "2026.4";

    public string ModelSha256 { get; set; } = "aa";

    public string Option { get; set; } = "margin=3";

    public Exception? Failure { get; set; }

    public bool SkipWriting { get; set; }

    public int Runs { get; private set; }

    public static string Input(DataRoot root) => Path.Combine(root.Path, "in.txt");

    public static string Output(DataRoot root) => Path.Combine(root.Path, "out", "out.txt");

    public StageDeclaration Declare(DataRoot root, Quarter quarter) => StageDeclaration.Empty
        .Reads(Input(root))
        .DependsOn("catalog", Catalog)
        .ReadsVerified("models/household/v1/model.zip", ModelSha256)
        .DependsOn("option", Option)
        .Writes(Output(root));

    public async Task<StageOutcome> RunAsync(StageRun run, CancellationToken ct)
    {
        Runs++;
        if (Failure is not null)
        {
            throw Failure;
        }

        if (!SkipWriting)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Output(run.Root))!);
            await File.WriteAllTextAsync(Output(run.Root), await File.ReadAllTextAsync(Input(run.Root), ct) + Option, ct);
        }

        return new StageOutcome { Counts = new Dictionary<string, long> { ["rows"] = 7 } };
    }
}
