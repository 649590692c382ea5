namespace BlindSpot.Portal.Audit;

/// <summary>
/// One line of the audit log: who (name, role, 시군구), did what to which target, how many rows, when, from which client
/// address, and how it ended. Never personal data of the people on a worklist: targets are quarters, 시군구 codes and ids.
/// </summary>
public sealed record AuditEntry
{
    public required DateTimeOffset At { get; init; }

    /// <summary>The account name, or the name typed at a failed sign-in (trimmed to 64 characters).</summary>
    public required string UserName { get; init; }

    /// <summary>The account's role, or "-" when the name matched no account.</summary>
    public required string Role { get; init; }

    public string? SigunguCode { get; init; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public required string Action { get; init; }

    /// <summary>What was acted on, e.g. <c>2026Q3/11110.xlsx</c> or an upload id.</summary>
    public required string Target { get; init; }

    public int? Rows { get; init; }

    /// <summary>The client's IP address as the server saw it.</summary>
    public required string Client { get; init; }

    /// <summary>ok, or why it was refused (wrong-password, locked, disabled, other-sigungu, invalid-file …).</summary>
    public required string Outcome { get; init; }
}
