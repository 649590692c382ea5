using BlindSpot.Core.Errors;

namespace BlindSpot.Ingestion.Reading;

/// <summary>A delivery holds bytes that are invalid in its encoding; the message names the file, the byte offset and the line.</summary>
public sealed class DeliveryEncodingException : DataErrorException
{
    public DeliveryEncodingException(string message)
        : base(message)
    {
    }

    public DeliveryEncodingException()
    {
    }

    public DeliveryEncodingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
