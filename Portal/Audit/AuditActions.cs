namespace BlindSpot.Portal.Audit;

/// <summary>What an audit entry records.</summary>
public static class AuditActions
{
    /// <summary>A sign-in attempt, successful or not (the outcome says which and why: ok, wrong-password, unknown-user, locked, disabled, rate-limited).</summary>
    public const string SignIn = "sign-in";

    /// <summary>A user signed out; every live session of the account ended.</summary>
    public const string SignOut = "sign-out";

    /// <summary>A session cookie refused on arrival (outcome revoked, disabled, expired, no-account, invalid) and deleted.</summary>
    public const string SessionEnded = "session-ended";

    /// <summary>A worklist file streamed to an officer; rows = entries in it.</summary>
    public const string Download = "download";

    /// <summary>An outcome file uploaded; rows = rows read (accepted + rejected).</summary>
    public const string Upload = "upload";

    /// <summary>
    /// A refused request: another 시군구's data or an unknown id (404), the wrong role (403, wrong-role), a form without a
    /// valid antiforgery token (400, antiforgery), a body over the size limit (413, too-large).
    /// </summary>
    public const string Denied = "denied";

    /// <summary>A case page or visit sheet shown (it carries the person's contacts from the worklist); outcome page or sheet.</summary>
    public const string CaseView = "case-view";

    /// <summary>A case changed: assigned (to a 읍면동 or back), its status moved, a note added, continued management set; or refused, with why.</summary>
    public const string CaseChange = "case-change";

    /// <summary>An own-discovery search (자체 발굴): the outcome holds its conditions as codes, rows the people matching.</summary>
    public const string DiscoverySearch = "discovery-search";

    /// <summary>A person added as an own-discovery case: added:&lt;case id&gt;, or refused:&lt;why&gt;; never a name or number.</summary>
    public const string DiscoveryAdd = "discovery-add";

    /// <summary>An analyst imported a file of reports from the public; rows = rows read (matched + unmatched + rejected), outcome ok or why refused.</summary>
    public const string ReportImport = "report-import";

    /// <summary>A call to the reports API: ok (rows 1), invalid (the row refused), or refused for its key: no-key, unknown-key, revoked.</summary>
    public const string ApiReport = "api-report";

    /// <summary>An admin issued (outcome issued) or revoked (revoked) an API key; the target is the key's name, never the key.</summary>
    public const string ApiKey = "api-key";

    /// <summary>An admin exported the audit log.</summary>
    public const string AuditExport = "audit-export";

    /// <summary>An analyst triggered a quarter's run.</summary>
    public const string TriggerRun = "trigger-run";

    /// <summary>An action posted to the Hangfire dashboard (ok for an admin's; read-only when an analyst's was refused).</summary>
    public const string Dashboard = "dashboard";

    /// <summary>A request that failed with an unexpected error (500); the outcome holds the exception's type name only.</summary>
    public const string Error = "error";
}
