namespace BlindSpot.Dispatch.Outcomes;

/// <summary>
/// What one upload did: every row's verdict, and where the per-row report and the labels are.
/// Always <see cref="Read"/> = <see cref="Accepted"/> + <see cref="Rejected"/> + <see cref="Pending"/>.
/// </summary>
public sealed record OutcomeImportResult(string File, string Quarter, IReadOnlyList<OutcomeRowResult> Rows, int Corrections, string ReportPath, string LabelsPath)
{
    /// <summary>The import's number in the quarter (0001, 0002 …), unique even when imports run at once.</summary>
    public string ImportId { get; init; } = "";

    public int Read => Rows.Count;

    public int Accepted => Rows.Count(r => r.Accepted);

    public int Rejected => Rows.Count(r => !r.Accepted && !r.Pending);

    /// <summary>Rows with no outcome and no date yet (an untouched template row): not worked, not rejected.</summary>
    public int Pending => Rows.Count(r => r.Pending);
}
