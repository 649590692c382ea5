using BlindSpot.Core.Errors;

namespace BlindSpot.Ingestion.Feeds;

/// <summary>
/// One feed's delivery cannot be ingested as a whole (empty, missing columns, wrong quarter, too many rejects …).
/// The message names the file and says what to do; the other feeds still run and the stage fails at the end.
/// </summary>
public sealed class FeedFailedException : DataErrorException
{
    public FeedFailedException(string message)
        : base(message)
    {
    }

    public FeedFailedException()
    {
    }

    public FeedFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
