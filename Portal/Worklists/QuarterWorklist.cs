namespace BlindSpot.Portal.Worklists;

/// <summary>One 시군구's worklist of one quarter, with the outcomes reported so far.</summary>
public sealed record QuarterWorklist(string Quarter, string SigunguCode, IReadOnlyList<WorklistRow> Rows, IReadOnlySet<string> Reported)
{
    /// <summary>Entries per variant (Korean name), in worklist order.</summary>
    public IReadOnlyList<(string Variant, int Count, int Reported)> Variants =>
        [.. Rows.GroupBy(r => r.VariantName).Select(g => (g.Key, g.Count(), g.Count(r => Reported.Contains(r.WorklistId))))];

    public int ReportedCount => Rows.Count(r => Reported.Contains(r.WorklistId));

    /// <summary>Entries whose outcome is still due, earliest due date first.</summary>
    public IReadOnlyList<WorklistRow> StillDue => [.. Rows.Where(r => !Reported.Contains(r.WorklistId)).OrderBy(r => r.OutcomeDue).ThenBy(r => r.WorklistId, StringComparer.Ordinal)];
}
