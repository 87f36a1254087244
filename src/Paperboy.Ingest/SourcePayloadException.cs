namespace Paperboy.Ingest;

/// <summary>
/// A payload that is not what its source should send: malformed XML or JSON, an HTML error page
/// where a feed was expected, a DTD, an API error document. The batch it came in is rejected;
/// everything stored before it stays stored.
/// </summary>
public sealed class SourcePayloadException : Exception
{
    public SourcePayloadException()
    {
    }

    public SourcePayloadException(string message) : base(message)
    {
    }

    public SourcePayloadException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
