namespace BlindSpot.Portal.Worklists;

/// <summary>
/// One page of a filtered worklist: <see cref="Matching"/> of <see cref="Total"/> entries match, this is page
/// <see cref="Page"/> of <see cref="Pages"/>, so the officer always sees how many there are beyond the page shown.
/// </summary>
public sealed record WorklistPage(int Matching, int Total, int Page, int Pages, IReadOnlyList<WorklistRow> Rows);
