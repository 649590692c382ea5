using System.Security.Claims;
using BlindSpot.Portal.Pages;
using Microsoft.AspNetCore.Http;

namespace BlindSpot.Portal.Audit;

/// <summary>Writes audit entries for a request: the signed-in user (or the name typed at sign-in), the client address, the time.</summary>
public sealed class AuditTrail(IAuditLog log, TimeProvider time)
{
    /// <summary>
    /// How a sign-in name that matches no account is recorded: <c>unknown:</c> and the first 12 hex digits of its SHA-256,
    /// enough to see repeated attempts with one name, never the text (which may be a password typed in the wrong field).
    /// </summary>
    public static string UnknownName(string typed) =>
        "unknown:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(typed ?? "")))[..12];

    /// <summary>Records what the signed-in user of <paramref name="context"/> did.</summary>
    public Task RecordAsync(HttpContext context, string action, string target, string outcome, int? rows = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        return RecordAsync(context, user.Identity?.Name ?? "-", user.FindFirstValue(ClaimTypes.Role) ?? "-", user.FindFirstValue(PortalClaims.Sigungu), action, target, outcome, rows);
    }

    /// <summary>Records an action by a named user who is not (yet) signed in: a sign-in attempt.</summary>
    public Task RecordAsync(HttpContext context, string userName, string role, string? sigungu, string action, string target, string outcome, int? rows = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return log.AppendAsync(new AuditEntry
        {
            At = time.GetUtcNow(),
            UserName = userName.Length > 64 ? userName[..64] : userName,
            Role = role,
            SigunguCode = sigungu,
            Action = action,
            Target = target.Length > 200 ? target[..200] : target,
            Rows = rows,
            Client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            Outcome = outcome,
        }, context.RequestAborted);
    }
}
