namespace Paperboy.Ingest.Http;

/// <summary>A fetch that failed for good: retries exhausted, a client error, a body too large.</summary>
public sealed class FetchException : Exception
{
    public FetchException()
    {
    }

    public FetchException(string message) : base(message)
    {
    }

    public FetchException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public int? StatusCode { get; init; }
}
