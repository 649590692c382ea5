namespace BlindSpot.Cli;

/// <summary>The process exit codes every verb keeps, as scripts and the orchestrator rely on them.</summary>
internal static class ExitCodes
{
    /// <summary>The verb did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The verb ran and failed: bad data, a missing file, a broken catalog. The one-line error says which.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong: unknown verb or option, a missing or malformed argument.</summary>
    public const int BadArguments = 2;
}
