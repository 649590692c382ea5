using System.Runtime;
using BlindSpot.Core.Errors;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Stages;
using BlindSpot.Core.Telemetry;
using BlindSpot.Pipeline.Stages;
using Microsoft.Extensions.Logging;

namespace BlindSpot.Pipeline.Checkpoints;

/// <summary>
/// Runs one stage of a quarter: each of its units (<see cref="IPipelineStage.Units"/>) under its stage lock, through the
/// one <see cref="StageCheckpoint"/> that hashes, skips and records. Safe to call again after a crash at any point.
/// Logs the start, the skip decision and why, the recorded counts and a failure; the run id and quarter come from the
/// job's logging scope. Log lines carry stage names, counts and error messages only, never a row's values.
/// </summary>
internal sealed class StageRunner(IEnumerable<IPipelineStage> stages, PipelineOptions options, TimeProvider time, ILogger<StageRunner> logger)
{
    /// <summary>Runs (or skips) <paramref name="stageName"/>; returns false when every unit's checkpoint held.</summary>
    public Task<bool> RunAsync(string stageName, Quarter quarter, CancellationToken ct)
    {
        var stage = stages.SingleOrDefault(s => s.Name == stageName)
            ?? throw new ArgumentException($"No pipeline stage '{stageName}'; the stages are {string.Join(", ", stages.Select(s => s.Name))}.", nameof(stageName));
        return RunAsync(stage, quarter, ct);
    }

    /// <summary>Runs (or skips) <paramref name="stage"/>, also one not in the registered list (the reduce of sharded scoring); false when its checkpoints held.</summary>
    public async Task<bool> RunAsync(IPipelineStage stage, Quarter quarter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var root = new DataRoot(options.DataRoot);
        // Before the lock file or a manifest is made: a data root that does not exist is refused, never created.
        DataRootCheck.RequireExisting(root);
        var checkpoint = Checkpoint(root);
        try
        {
            var ran = false;
            foreach (var unit in stage.Units(root, quarter))
            {
                ran |= await RunUnitAsync(checkpoint, root, unit, unit.Quarter == quarter ? stage.Name : $"{stage.Name} {unit.Quarter}", ct).ConfigureAwait(false);
            }

            if (ran)
            {
                ReleaseStageMemory();
            }

            return ran;
        }
        catch (Exception ex) when (Classify(ex, root) is { } dataError)
        {
            throw dataError;
        }
    }

    /// <summary>Records <paramref name="stage"/> as failed with <paramref name="error"/>, for a failure found outside the stage (a failed shard).</summary>
    public void RecordFailure(Quarter quarter, string stage, string error) =>
        Checkpoint(new DataRoot(options.DataRoot)).RecordFailure(new DataRoot(options.DataRoot), quarter, stage, error);

    private StageCheckpoint Checkpoint(DataRoot root) => new(time) { DescribeFailure = ex => Classify(ex, root) };

    /// <summary>
    /// A failure no retry can cure, as a <see cref="DataErrorException"/> (which the jobs' automatic retry does not
    /// catch): a storage fault of the data root (read-only, permission, full), named with its free space, or a file an
    /// earlier stage should have written. Null for everything else: transient errors keep their type and are retried.
    /// </summary>
    private static DataErrorException? Classify(Exception error, DataRoot root) => error switch
    {
        DataErrorException => null,
        _ when DataRootCheck.AsStorageFault(error, root) is { } fault => fault,
        FileNotFoundException or DirectoryNotFoundException => new DataErrorException(error.Message, error),
        _ => null,
    };

    private async Task<bool> RunUnitAsync(StageCheckpoint checkpoint, DataRoot root, StageUnit unit, string name, CancellationToken ct)
    {
        using var running = StageLock.Acquire(root, unit.Quarter, unit.Stage.Name);
        var decision = await checkpoint.DecideAsync(unit.Stage, root, unit.Quarter, ct).ConfigureAwait(false);
        if (decision.Skip)
        {
            StageLog.Skipped(logger, name, decision.Reason);
            BlindSpotTelemetry.StageSkipped(name, unit.Quarter.ToString());
            return false;
        }

        StageLog.Running(logger, name, decision.Reason);
        StageLog.Started(logger, name, decision.Inputs.Count);
        StageResult result;
        try
        {
            result = await checkpoint.RunAsync(decision, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not StageLockedException)
        {
            var error = Classify(ex, root) ?? ex;
            BlindSpotTelemetry.StageFailed(name, unit.Quarter.ToString(), error.GetType().Name);
            if (error is DataErrorException)
            {
                StageLog.FailedOnData(logger, name, error.GetType().Name, error.Message);
            }
            else
            {
                StageLog.Failed(logger, name, error.GetType().Name, error.Message, ex);
            }

            throw;
        }

        // The counts are the stage's reconciliation (ingest: read = accepted + rejected + duplicates per feed).
        var record = result.Record;
        BlindSpotTelemetry.StageCompleted(name, unit.Quarter.ToString(), true, record.Duration?.TotalSeconds ?? 0, record.Counts);
        StageLog.Completed(logger, name, true, record.Duration?.TotalSeconds ?? 0, record.PeakWorkingSetBytes / (1024 * 1024), string.Join(", ", record.Counts.Select(c => $"{c.Key}={c.Value}")));
        return true;
    }

    /// <summary>
    /// A stage leaves gigabytes of dead arrays at 9 million people (ingest's row batches, the features fold, the scoring
    /// buffers). Without a limit the collector keeps that memory committed, so in one process each stage's peak stacked
    /// on the last one's leftovers (7.6 GiB for a quarter whose largest stage needs 3.6 GiB alone). One blocking,
    /// compacting, decommitting collection between stages costs a fraction of a second and gives it back to the OS.
    /// </summary>
    private static void ReleaseStageMemory()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
