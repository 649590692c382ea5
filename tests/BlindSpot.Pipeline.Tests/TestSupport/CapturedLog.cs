using Microsoft.Extensions.Logging;

namespace BlindSpot.Pipeline.Tests.TestSupport;

/// <summary>One captured log entry: its rendered message, structured fields, exception text and every scope around it.</summary>
internal sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<string> Fields, string? Exception, IReadOnlyList<string> Scopes)
{
    /// <summary>Everything an operator's log store would hold for this entry, as one text to scan.</summary>
    public string AllText => string.Join('\n', new[] { Category, Message, Exception ?? "" }.Concat(Fields).Concat(Scopes));
}
