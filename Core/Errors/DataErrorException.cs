namespace BlindSpot.Core.Errors;

/// <summary>
/// A problem in the data or the data root that running again cannot fix: a missing or damaged delivery, a feed that fails
/// its checks, a data root that does not exist or cannot be written. Deliberately not an <see cref="IOException"/>: job
/// retries filter by exception type, and a data error retried waits minutes only to fail the same way. The message
/// names the file (and line or offset) and says what to do; it never holds a resident number.
/// </summary>
public class DataErrorException : Exception
{
    public DataErrorException(string message)
        : base(message)
    {
    }

    public DataErrorException()
    {
    }

    public DataErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
