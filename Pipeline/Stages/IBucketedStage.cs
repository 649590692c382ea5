using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Pipeline.Stages;

/// <summary>
/// A stage split into part jobs (features, score and dispatch: one per household bucket; ingest: the roster, then one per
/// delivered feed) and a reduce, as the pipeline runs it on several workers (<see cref="Jobs.BucketJobs"/>). A part's job keeps its own checkpoint — a part whose output is current for
/// its inputs is not done again — and records nothing in the run manifest; the reduce is the stage as the manifest
/// knows it (same name, key and outputs as the single-process stage), run through the one checkpoint.
/// </summary>
internal interface IBucketedStage
{
    /// <summary>The stage's name, one of <see cref="Core.Stages.StageNames"/>.</summary>
    string Name { get; }

    /// <summary>The reduce: runs after every part succeeded and writes the stage's outputs from theirs.</summary>
    IPipelineStage Reduce { get; }

    /// <summary>The quarter's part names (<c>bucket=NNN</c>, or ingest's feeds), one job each, in order: every phase's, in phase order.</summary>
    IReadOnlyList<string> Parts(DataRoot root, Quarter quarter);

    /// <summary>
    /// The parts in phases: every part of a phase must succeed before the next phase's jobs are enqueued (ingest: the
    /// roster before the feeds, whose rows go to their household's bucket). Default: one phase, <see cref="Parts"/>.
    /// A phase is listed when it is enqueued, so it may depend on what the phases before wrote.
    /// </summary>
    IReadOnlyList<IReadOnlyList<string>> Phases(DataRoot root, Quarter quarter) => [Parts(root, quarter)];

    /// <summary>Does one part unless its output is current; safe to rerun and to run beside the other parts.</summary>
    Task RunPartAsync(DataRoot root, Quarter quarter, string part, CancellationToken ct);
}
