using BlindSpot.Core.Stages;

namespace BlindSpot.Dispatch.Discovery;

/// <summary>What the discovery-index stage wrote: the roster read, the people indexed, those without a vault row, per 시군구.</summary>
public sealed record DiscoveryIndexSummary(string Quarter, long RosterSize, long Indexed, long MissingIdentity, IReadOnlyDictionary<string, long> PerSigungu)
{
    /// <summary>Wall time per phase (split scores, read buckets, vault, write index), for the verb's output; never written to a file.</summary>
    public IReadOnlyList<StagePhase> Phases { get; init; } = [];
}
