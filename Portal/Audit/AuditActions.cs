namespace BlindSpot.Portal.Audit;

/// <summary>What an audit entry records.</summary>
public static class AuditActions
{
    /// <summary>A sign-in attempt, successful or not (the outcome says which and why).</summary>
    public const string SignIn = "sign-in";

    /// <summary>A worklist file streamed to an officer; rows = entries in it.</summary>
    public const string Download = "download";

    /// <summary>An outcome file uploaded; rows = rows read (accepted + rejected).</summary>
    public const string Upload = "upload";

    /// <summary>A request for another 시군구's data or an unknown id, answered 404.</summary>
    public const string Denied = "denied";

    /// <summary>An admin exported the audit log.</summary>
    public const string AuditExport = "audit-export";

    /// <summary>An analyst triggered a quarter's run.</summary>
    public const string TriggerRun = "trigger-run";
}
