namespace BlindSpot.Portal.Worklists;

/// <summary>What the officer pages show of one worklist entry: its id, variant (Korean), risk grade (상/중/하), rank, name and due date.</summary>
public sealed record WorklistRow(string WorklistId, string VariantName, string RiskBand, int SigunguRank, string Name, DateOnly OutcomeDue)
{
    /// <summary>Why flagged: the worklist's reason sentences, most important first.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>The other household members as the worklist names them.</summary>
    public IReadOnlyList<string> Members { get; init; } = [];

    /// <summary>Quarters in which the person was dispatched before.</summary>
    public IReadOnlyList<string> PreviousQuarters { get; init; } = [];

    /// <summary>Address and phone from the worklist (Dispatch took them from the identity vault): shown only on the case page, audited.</summary>
    public string Address { get; init; } = "";

    public string Phone { get; init; } = "";
}
