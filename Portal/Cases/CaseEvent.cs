namespace BlindSpot.Portal.Cases;

/// <summary>
/// One step of a case's timeline, numbered from 1 per case: created, assigned (to a 읍면동 or back), a status change, or
/// a note of a visit or call. Who, when, by which channel; never changed once written.
/// </summary>
public sealed record CaseEvent(string CaseId, int Seq, DateTimeOffset At, string UserName, string Kind, string Status, string Channel, string Note, string? EupmyeondongCode)
{
    public const string Created = "created";
    public const string Assignment = "assigned";
    public const string StatusChange = "status";
    public const string NoteOnly = "note";
    public const string Continued = "continued";

    /// <summary>A report from the public (복지위기 알림) about the case's person, noted on the case instead of a second case.</summary>
    public const string Report = "report";

    /// <summary>The contact channels offered (방문, 전화, 문자, 기타) and empty for none.</summary>
    public static IReadOnlyList<string> Channels { get; } = ["방문", "전화", "문자", "기타"];

    /// <summary>Notes are kept to this many characters.</summary>
    public const int MaxNoteLength = 1000;
}
