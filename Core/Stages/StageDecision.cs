using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Core.Runs;

namespace BlindSpot.Core.Stages;

/// <summary>
/// The checkpoint's verdict on one stage of one quarter, before anything runs: the inputs just hashed, the stage's last
/// record, whether the stage can be skipped and why (or why it must run). Immutable.
/// </summary>
public sealed record StageDecision(
    IQuarterStage Stage,
    DataRoot Root,
    Quarter Quarter,
    StageDeclaration Declaration,
    IReadOnlyDictionary<string, string> Inputs,
    StageRecord? Previous,
    bool Skip,
    string Reason);
