namespace BlindSpot.Dispatch.Reports;

/// <summary>
/// A report file read: the reports that can be matched and the rows refused, in file order. Blank lines are neither
/// (nothing to take in or refuse). Always <see cref="Read"/> = reports + rejected.
/// </summary>
public sealed record ReportFile(IReadOnlyList<CrisisReport> Reports, IReadOnlyList<ReportRejection> Rejected)
{
    public int Read => Reports.Count + Rejected.Count;
}
