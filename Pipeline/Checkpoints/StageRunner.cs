using System.Runtime;
using BlindSpot.Core.Errors;
using BlindSpot.Core.Hashing;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Runs;
using BlindSpot.Core.Telemetry;
using BlindSpot.Pipeline.Stages;
using Microsoft.Extensions.Logging;

namespace BlindSpot.Pipeline.Checkpoints;

/// <summary>
/// Runs one stage of a quarter against its checkpoint in <c>runs/&lt;Q&gt;/manifest.json</c>: a stage that completed with
/// the same inputs, and whose outputs are still intact, is skipped; otherwise it runs, and its record is completed with
/// the checkpoint key (or marked failed with the reason). Safe to call again after a crash at any point.
/// Logs the start, the skip decision and why, the recorded counts and a failure; the run id and quarter come from the
/// job's logging scope. Log lines carry stage names, counts and error messages only, never a row's values.
/// </summary>
internal sealed class StageRunner(IEnumerable<IQuarterStage> stages, PipelineOptions options, TimeProvider time, ILogger<StageRunner> logger)
{
    /// <summary>Runs (or skips) <paramref name="stageName"/>; returns false when its checkpoint held.</summary>
    public Task<bool> RunAsync(string stageName, Quarter quarter, CancellationToken ct)
    {
        var stage = stages.SingleOrDefault(s => s.Name == stageName)
            ?? throw new ArgumentException($"No pipeline stage '{stageName}'; the stages are {string.Join(", ", stages.Select(s => s.Name))}.", nameof(stageName));
        return RunAsync(stage, quarter, ct);
    }

    /// <summary>Runs (or skips) <paramref name="stage"/>, a stage not in the registered list (the reduce of sharded scoring); false when its checkpoint held.</summary>
    public async Task<bool> RunAsync(IQuarterStage stage, Quarter quarter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var root = new DataRoot(options.DataRoot);
        // Before the lock file or a manifest is made: a data root that does not exist is refused, never created.
        DataRootCheck.RequireExisting(root);
        try
        {
            return await RunCheckedAsync(stage, root, quarter, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (Classify(ex, root) is { } dataError)
        {
            throw dataError;
        }
    }

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

    private async Task<bool> RunCheckedAsync(IQuarterStage stage, DataRoot root, Quarter quarter, CancellationToken ct)
    {
        var path = root.RunManifest(quarter);
        using var running = StageLock.Acquire(root, quarter, stage.Name);
        var inputs = await stage.InputsAsync(root, quarter, ct).ConfigureAwait(false);
        if (await SkipReasonAsync(stage, root, path, quarter, inputs, ct).ConfigureAwait(false) is { } skip)
        {
            StageLog.Skipped(logger, stage.Name, skip);
            BlindSpotTelemetry.StageSkipped(stage.Name, quarter.ToString());
            return false;
        }

        var started = time.GetUtcNow();
        StageLog.Started(logger, stage.Name, inputs?.Count ?? 0);
        using var memory = PeakMemory.Start();
        try
        {
            await stage.RunAsync(root, quarter, inputs, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not StageLockedException)
        {
            var error = Classify(ex, root) ?? ex;
            BlindSpotTelemetry.StageFailed(stage.Name, quarter.ToString(), error.GetType().Name);
            if (error is DataErrorException)
            {
                StageLog.FailedOnData(logger, stage.Name, error.GetType().Name, error.Message);
            }
            else
            {
                StageLog.Failed(logger, stage.Name, error.GetType().Name, error.Message, ex);
            }
            try
            {
                RecordFailure(path, quarter, stage.Name, started, error);
            }
            catch (Exception recording) when (DataRootCheck.AsStorageFault(recording, root) is not null)
            {
                // A read-only or full data root cannot take the record either; the error itself says why.
            }

            throw;
        }

        var manifest = RunManifest.LoadOrCreate(path, quarter.ToString());
        var record = manifest.Find(stage.Name);
        if (record is null || record.State != StageState.Completed)
        {
            throw new InvalidOperationException($"{stage.Name} {quarter} returned without recording a completed run in {path}.");
        }

        // A stage that checks its own inputs may have skipped itself, leaving last run's record: leave it as it was, so a
        // rerun changes no byte of the manifest either.
        var ranNow = record.StartedAt >= started.AddSeconds(-1);
        if (ranNow)
        {
            record = record with { PeakWorkingSetBytes = memory.Peak };
        }

        if (inputs is not null)
        {
            var outputs = record.Outputs.Count > 0 ? record.Outputs : await stage.OutputsAsync(root, quarter, ct).ConfigureAwait(false);
            record = record with { Inputs = inputs, Outputs = outputs };
        }

        if (ranNow || inputs is not null)
        {
            manifest.With(record).Save(path);
        }

        // The counts are the stage's reconciliation (ingest: read = accepted + rejected + duplicates per feed).
        BlindSpotTelemetry.StageCompleted(stage.Name, quarter.ToString(), ranNow, (time.GetUtcNow() - started).TotalSeconds, record.Counts);
        StageLog.Completed(logger, stage.Name, ranNow, (time.GetUtcNow() - started).TotalSeconds, record.PeakWorkingSetBytes / (1024 * 1024), string.Join(", ", record.Counts.Select(c => $"{c.Key}={c.Value}")));

        ReleaseStageMemory();
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

    /// <summary>Records <paramref name="stage"/> as failed with <paramref name="error"/>, for a failure found outside the stage (a failed shard).</summary>
    public void RecordFailure(Quarter quarter, string stage, string error) =>
        RecordFailure(new DataRoot(options.DataRoot).RunManifest(quarter), quarter, stage, time.GetUtcNow(), new InvalidOperationException(error));

    // A stage library that recorded its own failure (with its inputs and counts) keeps that record.
    private void RecordFailure(string path, Quarter quarter, string stage, DateTimeOffset started, Exception error)
    {
        var manifest = RunManifest.LoadOrCreate(path, quarter.ToString());
        if (manifest.Find(stage) is { State: StageState.Failed } own && own.StartedAt >= started.AddSeconds(-1))
        {
            return;
        }

        manifest.With(new StageRecord { Stage = stage, State = StageState.Failed, StartedAt = started, FinishedAt = time.GetUtcNow(), Error = error.Message }).Save(path);
    }

    /// <summary>Why the stage can be skipped (its checkpoint held), or null with the reason it must run logged.</summary>
    private async Task<string?> SkipReasonAsync(IQuarterStage stage, DataRoot root, string path, Quarter quarter, IReadOnlyDictionary<string, string>? inputs, CancellationToken ct)
    {
        var done = RunManifest.LoadOrCreate(path, quarter.ToString()).Find(stage.Name);
        var reason = inputs is null ? "the stage checks its own inputs"
            : done is null ? "no record of it in the run manifest"
            : !done.CompletedWith(inputs) ? $"its record is {done.State.ToString().ToLowerInvariant()} or its inputs changed"
            : !await OutputsIntactAsync(root, done, ct).ConfigureAwait(false) ? "a recorded output is missing or changed"
            : null;
        if (reason is null)
        {
            return $"completed with the same {inputs!.Count} inputs and intact outputs";
        }

        StageLog.Running(logger, stage.Name, reason);
        return null;
    }

    private static async Task<bool> OutputsIntactAsync(DataRoot root, StageRecord record, CancellationToken ct)
    {
        foreach (var (relative, hash) in record.Outputs)
        {
            var file = Path.Combine(root.Path, relative);
            if (!File.Exists(file) || await FileHash.Sha256Async(file, ct).ConfigureAwait(false) != hash)
            {
                return false;
            }
        }

        return true;
    }
}
