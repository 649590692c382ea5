namespace BlindSpot.Ingestion;

/// <summary>
/// The ingest stage failed: a required feed is missing, a feed failed, or the reconciliation did not add up.
/// The message is one line listing every problem; the report on disk has the details.
/// </summary>
public sealed class IngestException : IOException
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
}
