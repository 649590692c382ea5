namespace BlindSpot.Pipeline.Jobs;

/// <summary>
/// The reduce found shards still queued or running. Not a failure: <see cref="WaitForShardsAttribute"/> turns it into a
/// Scheduled state, so the reduce looks again after <see cref="RetryAfter"/> without holding a worker meanwhile.
/// </summary>
public sealed class ShardsPendingException : Exception
{
    public ShardsPendingException(string message, TimeSpan retryAfter)
        : base(message) => RetryAfter = retryAfter;

    public ShardsPendingException()
    {
    }

    public ShardsPendingException(string message)
        : base(message)
    {
    }

    public ShardsPendingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>How long to wait before looking again; the pipeline's poll interval.</summary>
    public TimeSpan RetryAfter { get; } = TimeSpan.FromSeconds(1);
}
