namespace Paperboy.Ingest.Http;

/// <summary>How politely Paperboy fetches: bound from the "Paperboy:Fetch" configuration section.</summary>
public sealed class FetchOptions
{
    /// <summary>
    /// At most one request per host in this interval, one at a time: arXiv's terms of use ask for one
    /// request every three seconds on a single connection, and other hosts get the same courtesy.
    /// </summary>
    public TimeSpan MinRequestInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>A contact address for the User-Agent, so an operator can reach whoever runs this instance.</summary>
    public string ContactEmail { get; set; } = "";

    /// <summary>Attempts per request, the first included, for 5xx, 429, dropped connections and timeouts.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first backoff; each retry doubles it up to <see cref="MaxBackoff"/>, with full jitter.</summary>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A Retry-After longer than this is not waited for: the request fails and the run says why.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Larger bodies are refused: an arXiv API page of 2,000 entries is about 10 MB.</summary>
    public long MaxBodyBytes { get; set; } = 64L * 1024 * 1024;

    public string UserAgent =>
        string.IsNullOrWhiteSpace(ContactEmail)
            ? "Paperboy/1.0 (self-hosted paper discovery)"
            : $"Paperboy/1.0 (self-hosted paper discovery; mailto:{ContactEmail})";

    public void Validate()
    {
        if (MaxAttempts < 1 || MinRequestInterval < TimeSpan.Zero || BaseBackoff < TimeSpan.Zero || MaxBodyBytes < 1)
        {
            throw new InvalidOperationException("options: Paperboy:Fetch needs MaxAttempts >= 1, non-negative intervals and MaxBodyBytes >= 1");
        }
        if (ContactEmail.Any(c => char.IsControl(c) || c is '(' or ')'))
        {
            throw new InvalidOperationException("options: Paperboy:Fetch:ContactEmail must be a plain address");
        }
    }
}
