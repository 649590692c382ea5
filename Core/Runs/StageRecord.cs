namespace BlindSpot.Core.Runs;

/// <summary>
/// What one stage did for one quarter: the hashes of what it read (so a rerun with unchanged inputs can be skipped),
/// what it wrote, row counts, and when. Immutable.
/// </summary>
public sealed record StageRecord
{
    /// <summary>Stage name: generate, ingest, features, score, dispatch, report.</summary>
    public required string Stage { get; init; }

    public required StageState State { get; init; }

    /// <summary>Input file (relative to the data root) → SHA-256.</summary>
    public IReadOnlyDictionary<string, string> Inputs { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Output file (relative to the data root) → SHA-256.</summary>
    public IReadOnlyDictionary<string, string> Outputs { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Named counts, e.g. rowsRead, rowsAccepted, rowsQuarantined.</summary>
    public IReadOnlyDictionary<string, long> Counts { get; init; } = new SortedDictionary<string, long>(StringComparer.Ordinal);

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>
    /// Peak working set in bytes of the process that ran the stage, while it ran (the checkpoint samples it for every stage,
    /// in a verb or the pipeline; null in records written before it did). For sharded scoring: the reduce's process.
    /// </summary>
    public long? PeakWorkingSetBytes { get; init; }

    /// <summary>Set when <see cref="State"/> is <see cref="StageState.Failed"/>: the one-line reason.</summary>
    public string? Error { get; init; }

    public TimeSpan? Duration => FinishedAt - StartedAt;

    /// <summary>True when the stage completed and read exactly <paramref name="inputs"/> then.</summary>
    public bool CompletedWith(IReadOnlyDictionary<string, string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return State == StageState.Completed
            && Inputs.Count == inputs.Count
            && inputs.All(pair => Inputs.TryGetValue(pair.Key, out var hash) && hash == pair.Value);
    }
}
