namespace BlindSpot.Portal.Cases;

/// <summary>
/// One page of cases: <see cref="Matching"/> of <see cref="Total"/> (the whole scope before filters) match, page
/// <see cref="Page"/> of <see cref="Pages"/>, and the scope's cases per status.
/// </summary>
public sealed record CaseListPage(int Matching, int Total, int Page, int Pages, IReadOnlyList<CaseRecord> Rows, IReadOnlyDictionary<string, int> ByStatus);
