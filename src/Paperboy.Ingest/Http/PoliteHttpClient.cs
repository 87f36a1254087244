using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace Paperboy.Ingest.Http;

/// <summary>
/// Every request Paperboy makes to a source goes through here: one at a time per host with a minimum
/// interval, a User-Agent with a contact address, Retry-After honoured (RFC 9110 section 10.2.3),
/// bounded exponential backoff with full jitter for 5xx, 429 and dropped connections, conditional GET,
/// and bodies read whole under a size bound, so a response cut mid-stream is a retry, not half a page.
/// </summary>
public sealed class PoliteHttpClient(HttpClient http, FetchOptions options, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, HostGate> _gates = new(StringComparer.OrdinalIgnoreCase);

    public async Task<FetchResult> GetAsync(Uri url, CacheValidators? validators, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var gate = _gates.GetOrAdd(url.Authority, _ => new HostGate(options.MinRequestInterval, _time));
        Exception? lastFailure = null;
        for (int attempt = 1; attempt <= options.MaxAttempts; attempt++)
        {
            TimeSpan? retryAfter;
            using (await gate.EnterAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    var outcome = await SendOnceAsync(url, validators, cancellationToken).ConfigureAwait(false);
                    if (outcome.Result is not null)
                    {
                        return outcome.Result;
                    }
                    lastFailure = outcome.Failure;
                    retryAfter = outcome.RetryAfter;
                }
                catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    // A refused or dropped connection, a body cut mid-stream, a timeout: worth another try.
                    lastFailure = e;
                    retryAfter = null;
                }
            }
            if (attempt == options.MaxAttempts)
            {
                break;
            }
            var delay = retryAfter ?? Backoff(attempt);
            if (retryAfter is { } asked)
            {
                if (asked > options.MaxRetryAfter)
                {
                    throw new FetchException($"fetch: {url} asked to retry after {asked.TotalSeconds:F0} s, longer than the {options.MaxRetryAfter.TotalSeconds:F0} s allowed", lastFailure!);
                }
                gate.Defer(asked);
            }
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
        throw new FetchException($"fetch: unable to get {url} after {options.MaxAttempts} attempts: {lastFailure?.Message}", lastFailure!)
        {
            StatusCode = (lastFailure as FetchException)?.StatusCode,
        };
    }

    private async Task<Outcome> SendOnceAsync(Uri url, CacheValidators? validators, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.UserAgent.ParseAdd(options.UserAgent);
        if (validators?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }
        if (validators?.LastModified is { } modified && DateTimeOffset.TryParse(modified, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var since))
        {
            request.Headers.IfModifiedSince = since;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var cache = new CacheValidators(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"));

        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return new Outcome(new FetchResult(url, status, [], null, validators ?? cache), null, null);
        }
        if (status == 429 || status >= 500)
        {
            var failure = new FetchException($"fetch: {url} answered {status} {response.ReasonPhrase}") { StatusCode = status };
            return new Outcome(null, failure, RetryAfter(response));
        }
        // A 4xx other than 429 will not change on retry, but an API may explain itself in the body
        // (arXiv's error feed comes with 400), so it is returned for the caller to read.
        var content = await ReadBoundedAsync(response, url, timeout.Token).ConfigureAwait(false);
        return new Outcome(new FetchResult(url, status, content, response.Content.Headers.ContentType?.MediaType, cache), null, null);
    }

    private async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, Uri url, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is { } declared && declared > options.MaxBodyBytes)
        {
            throw new FetchException($"fetch: {url} declares {declared:N0} bytes, more than the {options.MaxBodyBytes:N0} allowed");
        }
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > options.MaxBodyBytes)
            {
                throw new FetchException($"fetch: {url} sent more than the {options.MaxBodyBytes:N0} bytes allowed");
            }
            buffer.Write(chunk, 0, read);
        }
        if (response.Content.Headers.ContentLength is { } expected && buffer.Length != expected)
        {
            throw new IOException($"fetch: {url} ended after {buffer.Length:N0} of {expected:N0} bytes");
        }
        return buffer.ToArray();
    }

    /// <summary>Full jitter (Brooks, "Exponential Backoff And Jitter", AWS 2015): uniform in [0, min(max, base * 2^n)].</summary>
    private TimeSpan Backoff(int attempt)
    {
        double ceiling = Math.Min(options.MaxBackoff.TotalMilliseconds, options.BaseBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    private sealed record Outcome(FetchResult? Result, FetchException? Failure, TimeSpan? RetryAfter);
}
