using BlindSpot.Core.Catalog;

namespace BlindSpot.Dispatch.Simulation;

/// <summary>What a simulated dispatch lists: each variant's people in the order chosen, and each rule cohort's part of them by cohort code.</summary>
public sealed record SimulatedLists(IReadOnlyDictionary<Variant, IReadOnlyList<long>> Lists, IReadOnlyDictionary<string, IReadOnlyList<long>> Cohorts);
