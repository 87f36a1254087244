using System.Text.Encodings.Web;
using System.Text.Json;

namespace Paperboy.Application.Contracts;

/// <summary>The one JSON style of Paperboy's API and CLI: snake_case names, nulls kept, readable.</summary>
public static class ResourceJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions());

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.WriteIndented = true;
        // Escapes <, > and & so JSON embedded anywhere stays inert; other characters stay readable.
        options.Encoder = JavaScriptEncoder.Default;
        return options;
    }
}
