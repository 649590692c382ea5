using BlindSpot.Core.Errors;
using BlindSpot.Core.Stages;
using BlindSpot.Ingestion.Reporting;

namespace BlindSpot.Ingestion;

/// <summary>
/// The ingest stage failed: a required feed is missing, a feed failed, or the reconciliation did not add up.
/// The message is one line listing every problem; the report on disk has the details.
/// </summary>
public sealed class IngestException : DataErrorException, IPartialOutcome
{
    public IngestException(string message)
        : base(message)
    {
    }

    public IngestException()
    {
    }

    public IngestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public IngestException(string message, IngestReport report)
        : base(message)
    {
        Report = report;
    }

    public IngestException(string message, IngestReport report, StageOutcome partial)
        : base(message)
    {
        Report = report;
        Partial = partial;
    }

    /// <summary>The run's report (also saved to disk) when the stage got as far as reading the deliveries; null otherwise.</summary>
    public IngestReport? Report { get; }

    /// <summary>The roster and lake files written before the stage failed, with its counts: a rerun keeps the good ones.</summary>
    public StageOutcome? Partial { get; }
}
