using System.Text;
using Microsoft.AspNetCore.Http;

namespace Paperboy.Testing;

/// <summary>Ready-made responders for <see cref="ReplayServer"/>: real payloads and the ways servers fail.</summary>
public static class Respond
{
    public static Task File(HttpContext context, string path, string contentType) =>
        Bytes(context, System.IO.File.ReadAllBytes(path), contentType);

    public static async Task Bytes(HttpContext context, byte[] body, string contentType, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    }

    public static Task Text(HttpContext context, string body, string contentType, int status = 200) =>
        Bytes(context, Encoding.UTF8.GetBytes(body), contentType, status);

    /// <summary>503 Service Unavailable with Retry-After in seconds, as arXiv's OAI-PMH endpoint answers when busy.</summary>
    public static Task Unavailable(HttpContext context, int retryAfterSeconds)
    {
        context.Response.StatusCode = 503;
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return context.Response.WriteAsync("busy, try later");
    }

    /// <summary>Promises the whole body, sends half of it, then drops the connection.</summary>
    public static async Task DropMidBody(HttpContext context, byte[] body, string contentType)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2));
        await context.Response.Body.FlushAsync();
        context.Abort();
    }

    /// <summary>An HTML error page with status 200, as a proxy or a maintenance page sends where XML was expected.</summary>
    public static Task HtmlErrorPage(HttpContext context) =>
        Text(context, "<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body><h1>Down for maintenance</h1></body></html>", "text/html");
}
