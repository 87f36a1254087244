using Paperboy.Core.Subscriptions;

namespace Paperboy.Application.Digests;

/// <summary>The absolute URLs emails carry, from the site's public root.</summary>
public static class SiteLinks
{
    /// <summary>Where `serve` listens by default: links of digests composed without Paperboy:PublicUrl point there.</summary>
    public const string FallbackRoot = "http://localhost:5080/";

    public const string ConfirmPath = "subscriptions/confirm";
    public const string PreferencesPath = "subscriptions/preferences";
    public const string UnsubscribePath = "subscriptions/unsubscribe";

    /// <summary>Paperboy:PublicUrl, else <see cref="FallbackRoot"/>: a background job has no request to take a host from.</summary>
    public static Uri Root(PaperboyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return WithSlash(new Uri(string.IsNullOrWhiteSpace(options.PublicUrl) ? FallbackRoot : options.PublicUrl));
    }

    public static Uri WithSlash(Uri root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
    }

    public static Uri WithToken(Uri root, string path, string token) =>
        new(WithSlash(root), $"{path}?token={Uri.EscapeDataString(token)}");

    public static Uri Paper(Uri root, string paperId) =>
        new(WithSlash(root), "papers/" + Uri.EscapeDataString(paperId));

    public static string Describe(SubscriptionTopic topic) => topic.Kind switch
    {
        TopicKind.Category => $"new in {topic.Label}",
        TopicKind.Author => $"by {topic.Label}",
        _ => $"matches your search \u201c{topic.Label}\u201d",
    };
}
