using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Paperboy.Testing;

/// <summary>
/// A real HTTP server on 127.0.0.1 (a free port) that stands in for a remote service: each request is
/// answered by the first scripted responder whose path matches, and every request is recorded, so
/// tests can replay real payloads and make the server misbehave (503, dropped bodies, HTML errors).
/// </summary>
public sealed class ReplayServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly List<(string Path, Func<HttpContext, int, Task> Respond)> _routes = [];
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);

    private ReplayServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    public static async Task<ReplayServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ReplayServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Answers requests to <paramref name="path"/>; the responder gets the 1-based count of hits on that path.</summary>
    public ReplayServer On(string path, Func<HttpContext, int, Task> respond)
    {
        lock (_routes)
        {
            _routes.Add((path, respond));
        }
        return this;
    }

    public Uri Url(string pathAndQuery) => new(BaseUrl, pathAndQuery.TrimStart('/'));

    private async Task HandleAsync(HttpContext context)
    {
        _requests.Enqueue(new RecordedRequest(
            DateTimeOffset.UtcNow, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "",
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        (string Path, Func<HttpContext, int, Task> Respond)? route;
        lock (_routes)
        {
            route = _routes.FirstOrDefault(r => string.Equals(r.Path, context.Request.Path.Value, StringComparison.Ordinal));
        }
        if (route?.Respond is null)
        {
            context.Response.StatusCode = 404;
            return;
        }
        int hit = _hits.AddOrUpdate(route.Value.Path, 1, (_, n) => n + 1);
        await route.Value.Respond(context, hit);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record RecordedRequest(DateTimeOffset At, string Path, string Query, IReadOnlyDictionary<string, string> Headers);
