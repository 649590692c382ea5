using BlindSpot.Dispatch.Reports;

namespace BlindSpot.Portal.Reports;

/// <summary>
/// One intake: a file an analyst imported (or <c>blindspot reports import</c>), or one API call. Always
/// <see cref="Read"/> = <see cref="Matched"/> + <see cref="Unmatched"/> + <see cref="Rejected"/>.
/// </summary>
public sealed record ReportIntakeRecord
{
    public const string FileChannel = "file";
    public const string ApiChannel = "api";

    public required string IntakeId { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The analyst, or <c>api:</c> and the key's name.</summary>
    public required string UserName { get; init; }

    public required string Channel { get; init; }

    public required string FileName { get; init; }

    public required string Quarter { get; init; }

    public int Read => Matched + Unmatched + Rejected;

    public int Matched { get; init; }

    public int Unmatched { get; init; }

    public int Rejected => Rejections.Count;

    /// <summary>The refused rows: line, field, rule (never the text).</summary>
    public IReadOnlyList<ReportRejection> Rejections { get; init; } = [];
}
