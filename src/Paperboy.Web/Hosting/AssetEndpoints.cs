using System.Collections.Frozen;
using System.Security.Cryptography;

namespace Paperboy.Web.Hosting;

/// <summary>
/// Serves the stylesheet, scripts and KaTeX (script, stylesheet, fonts) embedded in this assembly under
/// /assets, by their path under Assets/ (<c>/assets/katex/fonts/KaTeX_Main-Regular.woff2</c>), with ETags.
/// </summary>
public static class AssetEndpoints
{
    private const string ResourcePrefix = "Paperboy.Web.Assets/";

    private static readonly FrozenDictionary<string, Asset> Assets = LoadAssets();

    public static void MapAssets(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/assets/{**name}", (string name, HttpContext context) =>
        {
            if (!Assets.TryGetValue(name, out var asset))
            {
                return Results.NotFound();
            }
            context.Response.Headers.CacheControl = "public, max-age=3600";
            context.Response.Headers.ETag = asset.ETag;
            if (context.Request.Headers.IfNoneMatch == asset.ETag)
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }
            return Results.Bytes(asset.Content, asset.ContentType);
        }).ExcludeFromDescription();
    }

    private static FrozenDictionary<string, Asset> LoadAssets()
    {
        var assembly = typeof(AssetEndpoints).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            byte[] content = buffer.ToArray();
            string name = resource[ResourcePrefix.Length..];
            string etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"";
            assets[name] = new Asset(content, ContentTypeOf(name), etag);
        }
        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".woff2" => "font/woff2",
        _ => "application/octet-stream",
    };

    private sealed record Asset(byte[] Content, string ContentType, string ETag);
}
