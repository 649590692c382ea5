using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Telemetry;
using BlindSpot.Portal.Pages;
using Microsoft.AspNetCore.Http;

namespace BlindSpot.Portal.Audit;

/// <summary>Writes audit entries for a request: the signed-in user (or the name typed at sign-in), the client address, the time.</summary>
public sealed class AuditTrail(IAuditLog log, TimeProvider time, Pseudonymizer pseudonymizer)
{
    // Keyed from the pseudonym secret: without it, a logged hash cannot be tested against a word list.
    private readonly byte[] nameKey = pseudonymizer.DeriveKey("portal-audit-unknown-sign-in-name");

    /// <summary>
    /// How a sign-in name that matches no account is recorded: <c>unknown:</c> and the first 16 hex digits of its
    /// HMAC-SHA256 under a key derived from the pseudonym secret, enough to see repeated attempts with one name, never the
    /// text (which may be a password typed in the wrong field), and not recoverable from a word list without the secret.
    /// </summary>
    public string UnknownName(string typed) =>
        "unknown:" + Convert.ToHexStringLower(HMACSHA256.HashData(nameKey, Encoding.UTF8.GetBytes(typed ?? "")))[..16];

    /// <summary>The client's address as the portal sees it (after a known proxy's <c>X-Forwarded-For</c>, when one is configured).</summary>
    public static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

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
        BlindSpotTelemetry.PortalAction(action, outcome);
        return log.AppendAsync(new AuditEntry
        {
            At = time.GetUtcNow(),
            UserName = userName.Length > 64 ? userName[..64] : userName,
            Role = role,
            SigunguCode = sigungu,
            Action = action,
            Target = target.Length > 200 ? target[..200] : target,
            Rows = rows,
            Client = ClientOf(context),
            Outcome = outcome,
        // Not the request's token: a client that hangs up at once must not keep its refusal out of the log.
        }, CancellationToken.None);
    }
}
