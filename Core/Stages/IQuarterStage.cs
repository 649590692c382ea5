using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Core.Stages;

/// <summary>
/// The one contract every stage of a quarter keeps: it declares what it reads and writes (<see cref="Declare"/>), and it
/// does its work (<see cref="RunAsync"/>) and returns its counts. It never hashes, skips or records anything itself:
/// <see cref="StageCheckpoint"/> does that for every stage, in the CLI verbs and in the pipeline alike.
/// How to add a stage: docs/ARCHITECTURE.md, "The stage contract".
/// </summary>
public interface IQuarterStage
{
    /// <summary>The stage's name in the run manifest (one of <see cref="StageNames"/> for the chained stages).</summary>
    string Name { get; }

    /// <summary>
    /// The files the stage will read and write for <paramref name="quarter"/> and the values beside them that change its
    /// outputs (catalog version, model hashes, options): the checkpoint key. Reads nothing but folder listings and small
    /// settings; never a data file's contents.
    /// </summary>
    StageDeclaration Declare(DataRoot root, Quarter quarter);

    /// <summary>Does the work; throws on any failure (the checkpoint then records the stage as failed).</summary>
    Task<StageOutcome> RunAsync(StageRun run, CancellationToken ct);
}
