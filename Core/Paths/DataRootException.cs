using BlindSpot.Core.Errors;

namespace BlindSpot.Core.Paths;

/// <summary>The data root cannot be used: it does not exist, or it cannot be written (read-only, no permission, full). The message names the path and the free space.</summary>
public sealed class DataRootException : DataErrorException
{
    public DataRootException(string message)
        : base(message)
    {
    }

    public DataRootException()
    {
    }

    public DataRootException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
