namespace BlindSpot.Portal.Audit;

/// <summary>
/// One line of the audit log: who (name, role, 시군구), did what to which target, how many rows, when, from which client
/// address, and how it ended. Never personal data of the people on a worklist: targets are quarters, 시군구 codes and ids.
/// </summary>
public sealed record AuditEntry
{
    public required DateTimeOffset At { get; init; }

    /// <summary>
    /// The account name; for a sign-in with a name that matches no account, <c>unknown:</c> and a keyed hash of it
    /// (<see cref="AuditTrail.UnknownName"/>); "-" when nobody is signed in.
    /// </summary>
    public required string UserName { get; init; }

    /// <summary>The account's role, or "-" when the name matched no account.</summary>
    public required string Role { get; init; }

    public string? SigunguCode { get; init; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public required string Action { get; init; }

    /// <summary>
    /// What was acted on, e.g. <c>2026Q3/11110.xlsx</c> or an upload id; for refusals the route with only its well-formed
    /// ids (<see cref="AuditTarget"/>), never the request's own text.
    /// </summary>
    public required string Target { get; init; }

    public int? Rows { get; init; }

    /// <summary>The client's IP address as the server saw it.</summary>
    public required string Client { get; init; }

    /// <summary>ok, or why it was refused (wrong-password, locked, disabled, rate-limited, other-sigungu, wrong-role, antiforgery, too-large, revoked …).</summary>
    public required string Outcome { get; init; }
}
