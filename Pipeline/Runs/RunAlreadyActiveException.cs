namespace BlindSpot.Pipeline.Runs;

/// <summary>A run was triggered for a quarter whose earlier run is still queued or running; nothing was enqueued.</summary>
public sealed class RunAlreadyActiveException : InvalidOperationException
{
    public RunAlreadyActiveException(string message)
        : base(message)
    {
    }

    public RunAlreadyActiveException()
    {
    }

    public RunAlreadyActiveException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
