namespace BlindSpot.Pipeline.Checkpoints;

/// <summary>The stage is running in another worker. An <see cref="IOException"/>, so the job's automatic retry comes back later and then finds the checkpoint.</summary>
public sealed class StageLockedException : IOException
{
    public StageLockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StageLockedException(string message)
        : base(message)
    {
    }

    public StageLockedException()
    {
    }
}
