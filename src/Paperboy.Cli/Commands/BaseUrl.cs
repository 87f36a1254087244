namespace Paperboy.Cli.Commands;

/// <summary>--base-url: an absolute http(s) URL, or a usage error naming what was given.</summary>
internal static class BaseUrl
{
    public static Uri? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new UsageException($"--base-url must be an absolute http or https URL, not '{text}'");
    }
}
