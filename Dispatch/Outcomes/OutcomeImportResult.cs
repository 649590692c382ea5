namespace BlindSpot.Dispatch.Outcomes;

/// <summary>What one upload did: every row's verdict, and where the per-row report and the labels are.</summary>
public sealed record OutcomeImportResult(string File, string Quarter, IReadOnlyList<OutcomeRowResult> Rows, int Corrections, string ReportPath, string LabelsPath)
{
    public int Read => Rows.Count;

    public int Accepted => Rows.Count(r => r.Accepted);

    public int Rejected => Rows.Count(r => !r.Accepted);
}
