namespace BlindSpot.Core.Stages;

/// <summary>
/// What a stage returns: its named counts (the run manifest's and the report's stage table), optionally the SHA-256 of
/// files it hashed while writing them (so the checkpoint need not read them again), and the library's own result for
/// the host to print (<see cref="Detail"/>). Immutable.
/// </summary>
public sealed record StageOutcome
{
    public static StageOutcome Empty { get; } = new();

    /// <summary>Named counts, e.g. rowsRead, rowsAccepted, rowsQuarantined.</summary>
    public IReadOnlyDictionary<string, long> Counts { get; init; } = new SortedDictionary<string, long>(StringComparer.Ordinal);

    /// <summary>Absolute path → SHA-256 of output files the stage hashed as it wrote them. Optional.</summary>
    public IReadOnlyDictionary<string, string> Written { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The stage library's typed result (IngestReport, FeatureBuildResult, ScoreResult, DispatchSummary), for the host.</summary>
    public object? Detail { get; init; }
}
