namespace Paperboy.Ingest.Http;

/// <summary>
/// A completed fetch: a 2xx body, "not modified" for a conditional GET answered 304, or a 4xx with
/// the body the server sent to explain it. Retries exhausted and oversized bodies are exceptions
/// (<see cref="FetchException"/>) because the run cannot go on without the page.
/// </summary>
public sealed record FetchResult(Uri Url, int Status, byte[] Body, string? ContentType, CacheValidators Validators)
{
    public bool NotModified => Status == 304;

    public bool IsSuccess => Status is >= 200 and < 300;

    public Stream OpenBody() => new MemoryStream(Body, writable: false);
}

/// <summary>ETag and Last-Modified of a response, sent back as If-None-Match / If-Modified-Since (RFC 9110 section 13).</summary>
public sealed record CacheValidators(string? ETag, string? LastModified)
{
    public static CacheValidators None { get; } = new(null, null);

    public bool IsEmpty => ETag is null && LastModified is null;
}
