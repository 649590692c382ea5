using BlindSpot.Dispatch.Outcomes;

namespace BlindSpot.Portal.Uploads;

/// <summary>
/// One outcome upload made through the portal: who, for which quarter and 시군구, and every row's verdict, kept so the
/// officer can open the per-row result again by its unguessable <see cref="Id"/> (32 hex digits).
/// </summary>
public sealed record UploadRecord
{
    public required string Id { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string UserName { get; init; }

    public required string Quarter { get; init; }

    public required string SigunguCode { get; init; }

    /// <summary>The uploaded file's name as the browser sent it, shown back only; never used as a path.</summary>
    public required string FileName { get; init; }

    public required IReadOnlyList<OutcomeRowResult> Rows { get; init; }

    public int Accepted => Rows.Count(r => r.Accepted);

    public int Rejected => Rows.Count(r => !r.Accepted && !r.Pending);

    /// <summary>Rows with no outcome and no date yet: not worked, not rejected.</summary>
    public int Pending => Rows.Count(r => r.Pending);

    /// <summary>
    /// The upload's result as the audit log records it: ok (all worked rows accepted), partial, rejected (nothing
    /// accepted), or not-yet-worked (no row filled in). Never ok when nothing was accepted.
    /// </summary>
    public string AuditOutcome => (Accepted, Rejected) switch
    {
        ( > 0, 0) => "ok",
        ( > 0, _) => "partial",
        (0, > 0) => "rejected",
        _ => "not-yet-worked",
    };

    /// <summary>True when <paramref name="id"/> has the shape of an upload id, so it can be looked up safely.</summary>
    public static bool IsValidId(string? id) => id is { Length: 32 } && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
