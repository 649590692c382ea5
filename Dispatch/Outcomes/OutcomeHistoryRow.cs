using BlindSpot.Core.Catalog;

namespace BlindSpot.Dispatch.Outcomes;

/// <summary>One accepted outcome as the append-only history keeps it; the latest row per person and variant is the label.</summary>
internal sealed record OutcomeHistoryRow(string ImportId, long Line, RegisterEntry Entry, string Outcome, DateOnly OutcomeDate)
{
    public (string Resident, Variant Variant) Key => (Entry.ResidentNumber, Entry.Variant);
}
