using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Pipeline.Stages;

/// <summary>One stage of a quarter's run, as the checkpointing <see cref="Checkpoints.StageRunner"/> drives it.</summary>
internal interface IQuarterStage
{
    /// <summary>The stage's name in the run manifest (the stage library's own constant).</summary>
    string Name { get; }

    /// <summary>
    /// The hashes of what the stage will read, the checkpoint key: when the manifest holds a completed record with exactly
    /// these inputs and its outputs are intact, the stage is skipped. Null when the stage library checks this itself.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>?> InputsAsync(DataRoot root, Quarter quarter, CancellationToken ct);

    /// <summary>
    /// Runs the stage library; it records itself in the run manifest. <paramref name="inputs"/> are the hashes
    /// <see cref="InputsAsync"/> just returned (null when it returned null), for a library that would otherwise hash the
    /// same files again for its own record.
    /// </summary>
    Task RunAsync(DataRoot root, Quarter quarter, IReadOnlyDictionary<string, string>? inputs, CancellationToken ct);

    /// <summary>Output files → SHA-256, for stages whose library records none; empty otherwise.</summary>
    Task<IReadOnlyDictionary<string, string>> OutputsAsync(DataRoot root, Quarter quarter, CancellationToken ct);
}
