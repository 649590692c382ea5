using BlindSpot.Core.Catalog;

namespace BlindSpot.Dispatch.Worklists;

/// <summary>One row of a municipality's worklist: who to visit, where, why, and by when the outcome is due.</summary>
public sealed record WorklistEntry
{
    /// <summary>Unique and stable for the quarter: <c>2026Q3-11110-H-00012</c> (quarter, 시군구, variant letter, national position).</summary>
    public required string WorklistId { get; init; }

    public required string Quarter { get; init; }

    /// <summary>The person's pseudonym: the key that keeps one entry per person per quarter; never shown to officials.</summary>
    public required long PersonKey { get; init; }

    public required string SigunguCode { get; init; }

    public required string SigunguName { get; init; }

    public required Variant Variant { get; init; }

    /// <summary>상, 중 or 하: the national third of the variant's list the person falls in.</summary>
    public required string RiskBand { get; init; }

    /// <summary>1 = most at risk among this 시군구's entries of the variant.</summary>
    public required int SigunguRank { get; init; }

    public required int NationalRank { get; init; }

    public required float Score { get; init; }

    public required string Name { get; init; }

    /// <summary>Birth date and century digit only: <c>900101-1******</c>.</summary>
    public required string MaskedResidentNumber { get; init; }

    public required string Address { get; init; }

    public required string Phone { get; init; }

    /// <summary>Up to three Korean sentences, most important first.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary>Household variant: the other members, as "name (masked number)".</summary>
    public IReadOnlyList<string> OtherMembers { get; init; } = [];

    /// <summary>Quarters in which the person was dispatched before, oldest first.</summary>
    public IReadOnlyList<string> PreviousDispatches { get; init; } = [];

    public required DateOnly OutcomeDue { get; init; }

    public required string ModelVersion { get; init; }

    /// <summary>
    /// Who chose the person, as the register's <c>selected_by</c>: "model", or "rule" for a catalog rule cohort (whose
    /// rule is then the first reason). Not a worklist column: the worklist format is unchanged.
    /// </summary>
    public string SelectedBy { get; init; } = "model";
}
