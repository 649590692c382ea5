using BlindSpot.Core.Memory;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Stages;

namespace BlindSpot.Cli.Commands;

/// <summary>
/// How the stage verbs (ingest, features, score, dispatch) run their stage: under the stage's heap budget when it has one
/// (the one place a verb's heap is limited), through the same <see cref="StageCheckpoint"/> as the pipeline, so a verb
/// run again on unchanged inputs with intact outputs is skipped, and says so.
/// </summary>
internal static class StageVerb
{
    public static async Task<StageResult> RunAsync(IQuarterStage stage, DataRoot root, Quarter quarter, TextWriter output, CancellationToken ct)
    {
        if (stage is IHeapBudget budget && await budget.HeapLimitAsync(root, quarter, ct).ConfigureAwait(false) is { } limit)
        {
            HeapLimit.Apply(limit);
        }

        var result = await new StageCheckpoint(TimeProvider.System).RunAsync(stage, root, quarter, ct).ConfigureAwait(false);
        if (!result.Ran)
        {
            await output.WriteLineAsync($"{stage.Name} {quarter}: {result.Reason}; skipped.").ConfigureAwait(false);
        }

        return result;
    }
}
