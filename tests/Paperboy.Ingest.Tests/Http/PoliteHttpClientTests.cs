using System.Text;
using Paperboy.Ingest.Http;
using Paperboy.Testing;

namespace Paperboy.Ingest.Tests.Http;

public sealed class PoliteHttpClientTests : IAsyncLifetime
{
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes(new string('x', 100_000));
    private ReplayServer _server = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _server = await ReplayServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private PoliteHttpClient Client(int attempts = 3, int intervalMs = 0, long maxBody = 1_000_000) => new(_http, new FetchOptions
    {
        MinRequestInterval = TimeSpan.FromMilliseconds(intervalMs),
        BaseBackoff = TimeSpan.FromMilliseconds(20),
        MaxBackoff = TimeSpan.FromMilliseconds(100),
        MaxAttempts = attempts,
        MaxBodyBytes = maxBody,
        ContactEmail = "librarian@example.org",
    });

    [Fact]
    public async Task A_503_with_Retry_After_is_waited_out_and_retried()
    {
        _server.On("/feed", (c, hit) => hit == 1 ? Respond.Unavailable(c, 1) : Respond.Bytes(c, Payload, "text/plain"));

        var result = await Client().GetAsync(_server.Url("/feed"), null, CancellationToken.None);

        Assert.Equal(Payload, result.Body);
        var requests = _server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(900), $"retried after {(requests[1].At - requests[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_body_cut_mid_stream_is_fetched_again_whole()
    {
        _server.On("/feed", (c, hit) => hit == 1 ? Respond.DropMidBody(c, Payload, "text/plain") : Respond.Bytes(c, Payload, "text/plain"));

        var result = await Client().GetAsync(_server.Url("/feed"), null, CancellationToken.None);

        Assert.Equal(Payload.Length, result.Body.Length);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Requests_to_one_host_are_spaced_by_the_minimum_interval()
    {
        _server.On("/feed", (c, _) => Respond.Text(c, "ok", "text/plain"));
        var sent = new List<long>();
        using var recording = new HttpClient(new SendTimes(sent, new SocketsHttpHandler()));
        var client = new PoliteHttpClient(recording, new FetchOptions { MinRequestInterval = TimeSpan.FromMilliseconds(300), ContactEmail = "librarian@example.org" });

        for (int i = 0; i < 3; i++)
        {
            await client.GetAsync(_server.Url("/feed"), null, CancellationToken.None);
        }

        // Timed where each request leaves the client, after the gate: the server's arrival times add a
        // loaded machine's scheduling jitter, which says nothing about the gate. Timer resolution allows
        // a few milliseconds early.
        Assert.Equal(3, sent.Count);
        Assert.All(sent.Zip(sent.Skip(1)), pair =>
        {
            double apart = System.Diagnostics.Stopwatch.GetElapsedTime(pair.First, pair.Second).TotalMilliseconds;
            Assert.True(apart >= 290, $"{apart} ms apart");
        });
    }

    private sealed class SendTimes(List<long> sent, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (sent)
            {
                sent.Add(System.Diagnostics.Stopwatch.GetTimestamp());
            }
            return base.SendAsync(request, cancellationToken);
        }
    }

    [Fact]
    public async Task A_conditional_get_sends_the_validators_and_reads_304_as_not_modified()
    {
        _server.On("/rss", (c, hit) =>
        {
            if (c.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                c.Response.StatusCode = 304;
                return Task.CompletedTask;
            }
            c.Response.Headers.ETag = "\"v1\"";
            c.Response.Headers.LastModified = "Thu, 30 Aug 2018 20:30:00 GMT";
            return Respond.Text(c, "<rss/>", "application/rss+xml");
        });
        var client = Client();

        var first = await client.GetAsync(_server.Url("/rss"), null, CancellationToken.None);
        var second = await client.GetAsync(_server.Url("/rss"), first.Validators, CancellationToken.None);

        Assert.Equal("\"v1\"", first.Validators.ETag);
        Assert.Equal("Thu, 30 Aug 2018 20:30:00 GMT", first.Validators.LastModified);
        Assert.False(first.NotModified);
        Assert.True(second.NotModified);
        Assert.Equal("Thu, 30 Aug 2018 20:30:00 GMT", _server.Requests[1].Headers["If-Modified-Since"]);
    }

    [Fact]
    public async Task The_user_agent_names_paperboy_and_the_contact_address()
    {
        _server.On("/feed", (c, _) => Respond.Text(c, "ok", "text/plain"));

        await Client().GetAsync(_server.Url("/feed"), null, CancellationToken.None);

        Assert.Equal("Paperboy/1.0 (self-hosted paper discovery; mailto:librarian@example.org)", _server.Requests[0].Headers["User-Agent"]);
    }

    [Fact]
    public async Task Server_errors_past_the_last_attempt_fail_with_the_status()
    {
        _server.On("/feed", (c, _) => Respond.Text(c, "boom", "text/plain", 500));

        var error = await Assert.ThrowsAsync<FetchException>(() => Client(attempts: 3).GetAsync(_server.Url("/feed"), null, CancellationToken.None));

        Assert.Equal(500, error.StatusCode);
        Assert.Equal(3, _server.Requests.Count);
        Assert.Contains("after 3 attempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_error_is_returned_with_its_body_for_the_source_to_explain()
    {
        _server.On("/api/query", (c, _) => Respond.Text(c, "<feed><entry><title>Error</title></entry></feed>", "application/atom+xml", 400));

        var result = await Client().GetAsync(_server.Url("/api/query?id_list=bad"), null, CancellationToken.None);

        Assert.Equal(400, result.Status);
        Assert.False(result.IsSuccess);
        Assert.Contains("Error", Encoding.UTF8.GetString(result.Body), StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_body_over_the_size_bound_is_refused()
    {
        _server.On("/big", (c, _) => Respond.Bytes(c, Payload, "text/plain"));

        var error = await Assert.ThrowsAsync<FetchException>(() => Client(maxBody: 10_000).GetAsync(_server.Url("/big"), null, CancellationToken.None));

        Assert.Contains("allowed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retry_after_longer_than_allowed_fails_at_once()
    {
        _server.On("/feed", (c, _) => Respond.Unavailable(c, 3600));
        var client = new PoliteHttpClient(_http, new FetchOptions { MinRequestInterval = TimeSpan.Zero, MaxRetryAfter = TimeSpan.FromSeconds(5) });

        var error = await Assert.ThrowsAsync<FetchException>(() => client.GetAsync(_server.Url("/feed"), null, CancellationToken.None));

        Assert.Contains("retry after 3600 s", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }
}
