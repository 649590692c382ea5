using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Pipeline.Stages;

/// <summary>
/// A stage split into one job per household bucket (features, score, dispatch) and a reduce, as the pipeline runs it on several
/// workers (<see cref="Jobs.BucketJobs"/>). A part's job keeps its own checkpoint — a part whose output is current for
/// its inputs is not done again — and records nothing in the run manifest; the reduce is the stage as the manifest
/// knows it (same name, key and outputs as the single-process stage), run through the one checkpoint.
/// </summary>
internal interface IBucketedStage
{
    /// <summary>The stage's name, one of <see cref="Core.Stages.StageNames"/>.</summary>
    string Name { get; }

    /// <summary>The reduce: runs after every part succeeded and writes the stage's outputs from theirs.</summary>
    IPipelineStage Reduce { get; }

    /// <summary>The quarter's part names (<c>bucket=NNN</c>), one job each, in bucket order.</summary>
    IReadOnlyList<string> Parts(DataRoot root, Quarter quarter);

    /// <summary>Does one part unless its output is current; safe to rerun and to run beside the other parts.</summary>
    Task RunPartAsync(DataRoot root, Quarter quarter, string part, CancellationToken ct);
}
