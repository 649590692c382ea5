using BlindSpot.Core.Hashing;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Runs;

namespace BlindSpot.Core.Stages;

/// <summary>
/// The one component that hashes, skips and records stages, for the CLI verbs and the pipeline alike. Before a stage it
/// hashes what the stage declares it reads (<see cref="IQuarterStage.Declare"/>); a stage whose record in
/// <c>runs/&lt;Q&gt;/manifest.json</c> completed with exactly these inputs, and whose recorded outputs still have their
/// hashes, is skipped. Otherwise the record is set to running, the stage runs, and its record becomes completed with the
/// inputs, the hashes of its outputs, its counts, times and peak memory, or failed with the error: a stage that threw, or
/// that did not write an output it declares, is never recorded as completed. Safe to call again after a crash at any point.
/// </summary>
public sealed class StageCheckpoint(TimeProvider time)
{
    /// <summary>
    /// Turns a stage's exception into the one whose message the failed record keeps (the pipeline names storage faults
    /// with the free space); null keeps the exception's own message. Default: none.
    /// </summary>
    public Func<Exception, Exception?>? DescribeFailure { get; init; }

    /// <summary>
    /// Decides, and runs the stage unless its checkpoint holds. A storage fault of the data root (read-only, permission,
    /// full) comes out as the <see cref="DataRootException"/> that names it.
    /// </summary>
    public async Task<StageResult> RunAsync(IQuarterStage stage, DataRoot root, Quarter quarter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        try
        {
            var decision = await DecideAsync(stage, root, quarter, ct).ConfigureAwait(false);
            return decision.Skip
                ? new StageResult(false, decision.Previous!, decision.Reason, null)
                : await RunAsync(decision, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (DataRootCheck.AsStorageFault(ex, root) is { } fault)
        {
            throw fault;
        }
    }

    /// <summary>Hashes the declared inputs and compares them, and the recorded outputs, with the stage's last record.</summary>
    public async Task<StageDecision> DecideAsync(IQuarterStage stage, DataRoot root, Quarter quarter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(root);
        // Before any record is written: a data root that does not exist is refused, never created.
        DataRootCheck.RequireExisting(root);
        var declaration = stage.Declare(root, quarter);
        var inputs = await InputsAsync(root, declaration, ct).ConfigureAwait(false);
        var previous = RunManifest.Load(root, quarter).Find(stage.Name);
        var reason = previous is null ? "no record of it in the run manifest"
            : !previous.CompletedWith(inputs) ? $"its record is {previous.State.ToString().ToLowerInvariant()} or its inputs changed"
            : !await OutputsIntactAsync(root, previous, declaration, ct).ConfigureAwait(false) ? "a recorded output is missing or changed"
            : null;
        return reason is null
            ? new StageDecision(stage, root, quarter, declaration, inputs, previous, true, $"completed with the same {inputs.Count} inputs and intact outputs")
            : new StageDecision(stage, root, quarter, declaration, inputs, previous, false, reason);
    }

    /// <summary>Runs the stage of <paramref name="decision"/> (whatever the decision said) and records how it ended.</summary>
    public async Task<StageResult> RunAsync(StageDecision decision, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var (stage, root, quarter) = (decision.Stage, decision.Root, decision.Quarter);
        var started = time.GetUtcNow();
        var running = new StageRecord { Stage = stage.Name, State = StageState.Running, Inputs = decision.Inputs, StartedAt = started };
        RunManifest.Record(root, quarter, running);
        using var memory = PeakMemory.Start();
        StageOutcome outcome;
        SortedDictionary<string, string> outputs;
        try
        {
            outcome = await stage.RunAsync(new StageRun(root, quarter, decision.Inputs, decision.Previous), ct).ConfigureAwait(false);
            foreach (var (path, hash) in outcome.Written)
            {
                FileHash.Remember(path, hash);
            }

            outputs = await OutputsAsync(root, decision.Declaration, ct).ConfigureAwait(false);
            var missing = decision.Declaration.WriteFiles.Where(f => !File.Exists(f)).Select(root.Relative).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException($"{stage.Name} {quarter} finished without writing {string.Join(", ", missing)}.");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var failed = running;
            if (ex is IPartialOutcome { Partial: { } partial })
            {
                // What it wrote before failing is recorded (never as completed), so the next run can keep what is good.
                foreach (var (path, hash) in partial.Written)
                {
                    FileHash.Remember(path, hash);
                }

                failed = failed with
                {
                    Outputs = new SortedDictionary<string, string>(partial.Written.ToDictionary(p => root.Relative(p.Key), p => p.Value), StringComparer.Ordinal),
                    Counts = new SortedDictionary<string, long>(partial.Counts.ToDictionary(), StringComparer.Ordinal),
                };
            }

            RecordFailure(root, quarter, failed, DescribeFailure?.Invoke(ex) ?? ex, memory.Peak);
            throw;
        }

        var completed = running with
        {
            State = StageState.Completed,
            Outputs = outputs,
            Counts = new SortedDictionary<string, long>(outcome.Counts.ToDictionary(), StringComparer.Ordinal),
            FinishedAt = time.GetUtcNow(),
            PeakWorkingSetBytes = memory.Peak,
        };
        RunManifest.Record(root, quarter, completed);
        return new StageResult(true, completed, decision.Reason, outcome);
    }

    /// <summary>Records <paramref name="stage"/> as failed with <paramref name="error"/>, for a failure found outside the stage (a failed shard).</summary>
    public void RecordFailure(DataRoot root, Quarter quarter, string stage, string error)
    {
        var now = time.GetUtcNow();
        RecordFailure(root, quarter, new StageRecord { Stage = stage, State = StageState.Running, StartedAt = now }, new InvalidOperationException(error), null);
    }

    /// <summary>SHA-256 of every existing declared input file (keyed relative to the root), the verified ones, and the declared values under '#'.</summary>
    public static async Task<SortedDictionary<string, string>> InputsAsync(DataRoot root, StageDeclaration declaration, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(declaration);
        var inputs = await HashAsync(root, declaration.ExistingInputs(), ct).ConfigureAwait(false);
        foreach (var (key, hash) in declaration.Verified)
        {
            inputs[key] = hash;
        }

        foreach (var (name, value) in declaration.Values)
        {
            inputs["#" + name] = value;
        }

        return inputs;
    }

    private static Task<SortedDictionary<string, string>> OutputsAsync(DataRoot root, StageDeclaration declaration, CancellationToken ct) =>
        HashAsync(root, declaration.ExistingOutputs(), ct);

    private static async Task<SortedDictionary<string, string>> HashAsync(DataRoot root, IReadOnlyList<string> files, CancellationToken ct)
    {
        var hashes = await FileHash.Sha256AllAsync(files, ct).ConfigureAwait(false);
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            map[root.Relative(files[i])] = hashes[i];
        }

        return map;
    }

    /// <summary>Every recorded output still has its hash, and every output the stage always writes is among them.</summary>
    private static async Task<bool> OutputsIntactAsync(DataRoot root, StageRecord record, StageDeclaration declaration, CancellationToken ct)
    {
        if (declaration.WriteFiles.Any(f => !record.Outputs.ContainsKey(root.Relative(f))))
        {
            return false;
        }

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

    private void RecordFailure(DataRoot root, Quarter quarter, StageRecord running, Exception error, long? peak)
    {
        try
        {
            RunManifest.Record(root, quarter, running with { State = StageState.Failed, FinishedAt = time.GetUtcNow(), Error = error.Message, PeakWorkingSetBytes = peak });
        }
        catch (Exception recording) when (recording is IOException or UnauthorizedAccessException)
        {
            // A read-only or full data root cannot take the record either; the stage's own error says why.
        }
    }
}
