using Microsoft.Extensions.Logging;

namespace BlindSpot.Pipeline.Checkpoints;

/// <summary>
/// The stage runner's log lines, source-generated so their templates (and so their structured fields) are fixed here.
/// Fields are stage names, counts, reasons and error messages: never a row's values, so no personal data can reach a log.
/// </summary>
internal static partial class StageLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "{Stage} skipped: {SkipReason}")]
    public static partial void Skipped(ILogger logger, string stage, string skipReason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "{Stage} must run: {RunReason}")]
    public static partial void Running(ILogger logger, string stage, string runReason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "{Stage} started with {InputCount} checkpointed inputs")]
    public static partial void Started(ILogger logger, string stage, int inputCount);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "{Stage} completed (ran now: {RanNow}) in {Seconds:0.0} s, peak {PeakMiB} MiB; counts: {Counts}")]
    public static partial void Completed(ILogger logger, string stage, bool ranNow, double seconds, long? peakMiB, string counts);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "{Stage} failed ({ErrorType}): {Error}")]
    public static partial void Failed(ILogger logger, string stage, string errorType, string error, Exception exception);

    // A data error (a damaged or missing delivery, a full disk) is the operator's to fix, and its message says how: the stack
    // trace of where it was noticed only buries that message, so it is logged without one.
    [LoggerMessage(EventId = 1006, Level = LogLevel.Error, Message = "{Stage} failed on a data error ({ErrorType}): {Error}")]
    public static partial void FailedOnData(ILogger logger, string stage, string errorType, string error);
}
