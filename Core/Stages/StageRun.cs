using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Runs;

namespace BlindSpot.Core.Stages;

/// <summary>
/// One run of a stage as the checkpoint starts it: where, which quarter, the input hashes just taken, and the stage's
/// previous record (null when there is none), from which a stage may keep outputs whose own inputs did not change (ingest
/// keeps a feed whose delivery is the same bytes). Immutable.
/// </summary>
public sealed record StageRun(DataRoot Root, Quarter Quarter, IReadOnlyDictionary<string, string> Inputs, StageRecord? Previous);
