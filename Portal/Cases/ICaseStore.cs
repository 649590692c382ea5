namespace BlindSpot.Portal.Cases;

/// <summary>
/// Where cases and their timelines live: PostgreSQL (<see cref="PostgresCaseStore"/>) or one embedded SQLite file
/// (<see cref="SqliteCaseStore"/>), both answering the same way (one shared test suite). Callers pass ids and codes they
/// have already authorised; the store checks nothing about who asks.
/// </summary>
public interface ICaseStore
{
    /// <summary>Adds the cases not there yet (by id), each with its first <see cref="CaseEvent.Created"/> event; safe to rerun. Returns how many were new.</summary>
    Task<int> AddAsync(IReadOnlyList<CaseRecord> cases, string userName, DateTimeOffset at, CancellationToken ct);

    /// <summary>
    /// Adds <paramref name="draft"/> as an own-discovery case (자체 발굴), numbered next in its quarter and 시군구
    /// (<c>2026Q3-11110-S-000001</c>; the draft's id is ignored), the officer's <paramref name="reason"/> the note of its
    /// first event; null, and nothing added, when the person already has a case in the quarter.
    /// </summary>
    Task<CaseRecord?> AddOwnAsync(CaseRecord draft, string reason, string userName, DateTimeOffset at, CancellationToken ct);

    /// <summary>How many cases of <paramref name="origin"/> a 시군구 has in a quarter.</summary>
    Task<int> CountAsync(string quarter, string sigungu, string origin, CancellationToken ct);

    Task<CaseRecord?> FindAsync(string caseId, CancellationToken ct);

    Task<CaseListPage> ListAsync(CaseQuery query, CancellationToken ct);

    /// <summary>Quarters with cases of the 시군구 (of the 읍면동 when given), newest first.</summary>
    Task<IReadOnlyList<string>> QuartersAsync(string sigungu, string? eupmyeondong, CancellationToken ct);

    /// <summary>The case's timeline, oldest first.</summary>
    Task<IReadOnlyList<CaseEvent>> HistoryAsync(string caseId, CancellationToken ct);

    /// <summary>Every case of the person (all quarters), newest quarter first.</summary>
    Task<IReadOnlyList<CaseRecord>> OfPersonAsync(long personKey, CancellationToken ct);

    /// <summary>Hands the case to a 읍면동 (null: back to the 시군구) and records it; false when there is no such case.</summary>
    Task<bool> AssignAsync(string caseId, string? eupmyeondong, string userName, DateTimeOffset at, CancellationToken ct);

    /// <summary>
    /// Moves the case from <paramref name="from"/> to <paramref name="to"/> (the same for a note only) with the visit or
    /// call noted; false when the case is gone or no longer in <paramref name="from"/> (someone else moved it first).
    /// </summary>
    Task<bool> ChangeStatusAsync(string caseId, string from, string to, string channel, string note, string userName, DateTimeOffset at, CancellationToken ct);

    /// <summary>Puts the case under continued management (지속관리) or takes it off; false when there is no such case.</summary>
    Task<bool> SetContinuedCareAsync(string caseId, bool continued, string userName, DateTimeOffset at, CancellationToken ct);

    /// <summary>Notes a report from the public on the case's timeline (<see cref="CaseEvent.Report"/>); false when there is no such case.</summary>
    Task<bool> AttachReportAsync(string caseId, string note, string userName, DateTimeOffset at, CancellationToken ct);

    /// <summary>
    /// Keeps the registered address and phone of a case without a worklist row (carried over, 신고), as Dispatch read them
    /// from the identity vault; replaces what was kept. False when there is no such case.
    /// </summary>
    Task<bool> SetContactsAsync(string caseId, string address, string phone, CancellationToken ct);

    /// <summary>The contacts kept by <see cref="SetContactsAsync"/>, or null when none were.</summary>
    Task<(string Address, string Phone)?> ContactsAsync(string caseId, CancellationToken ct);
}
