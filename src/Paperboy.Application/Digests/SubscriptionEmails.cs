using System.Net;
using System.Text;
using Paperboy.Application.Mail;
using Paperboy.Core.Subscriptions;

namespace Paperboy.Application.Digests;

/// <summary>The two transactional emails of subscribing: the confirmation link, and the note to an address already subscribed.</summary>
public static class SubscriptionEmails
{
    public static OutgoingEmail Confirmation(string email, SubscriptionSettings settings, Uri confirmLink)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(confirmLink);
        var text = new StringBuilder()
            .AppendLine("Someone, probably you, asked Paperboy to email this address a digest of research papers:")
            .AppendLine()
            .AppendLine(Summary(settings))
            .AppendLine()
            .AppendLine("Nothing is sent until you confirm. To confirm, open this link and press the button:")
            .AppendLine(confirmLink.AbsoluteUri)
            .AppendLine()
            .AppendLine("If you did not ask for this, ignore this email: you will hear nothing more.")
            .ToString();
        string html = Page("Confirm your subscription",
            $"<p style=\"margin:0 0 12px\">Someone, probably you, asked Paperboy to email this address a digest of research papers: {Encode(Summary(settings))}</p>" +
            "<p style=\"margin:0 0 12px\">Nothing is sent until you confirm.</p>" +
            Button(confirmLink, "Confirm my subscription") +
            "<p style=\"margin:12px 0 0;color:#555555\">If you did not ask for this, ignore this email: you will hear nothing more.</p>");
        return new OutgoingEmail(email, "Confirm your Paperboy digest subscription", text, html, new Dictionary<string, string>());
    }

    public static OutgoingEmail AlreadySubscribed(string email, Uri preferencesLink)
    {
        ArgumentNullException.ThrowIfNull(preferencesLink);
        var text = new StringBuilder()
            .AppendLine("Someone, probably you, asked Paperboy to subscribe this address, which is already subscribed.")
            .AppendLine("Nothing has changed. To change what you receive, or to unsubscribe, open:")
            .AppendLine(preferencesLink.AbsoluteUri)
            .ToString();
        string html = Page("You are already subscribed",
            "<p style=\"margin:0 0 12px\">Someone, probably you, asked Paperboy to subscribe this address, which is already subscribed. Nothing has changed.</p>" +
            Button(preferencesLink, "Change what I receive"));
        return new OutgoingEmail(email, "Your Paperboy digest subscription", text, html, new Dictionary<string, string>());
    }

    /// <summary>"daily: trending papers; new in cs.LG; ..." in words.</summary>
    public static string Summary(SubscriptionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var parts = new List<string>();
        if (settings.Trending)
        {
            parts.Add("trending papers");
        }
        if (settings.Follows)
        {
            parts.Add("the authors and categories your account follows");
        }
        parts.AddRange(settings.Topics.Select(SiteLinks.Describe).Select(d => "papers " + d));
        return $"{(settings.Frequency == DigestFrequency.Weekly ? "weekly" : "daily")}, at {settings.Hour:00}:00 {settings.TimeZone}: {string.Join("; ", parts)}.";
    }

    internal static string Encode(string text) => WebUtility.HtmlEncode(text);

    internal static string Button(Uri link, string label) =>
        "<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr>" +
        "<td style=\"background-color:#1a56db;border-radius:4px\">" +
        $"<a href=\"{Encode(link.AbsoluteUri)}\" style=\"display:inline-block;padding:10px 18px;color:#ffffff;text-decoration:none;font-weight:bold\">{Encode(label)}</a>" +
        "</td></tr></table>";

    /// <summary>
    /// The frame every email shares: a single 600-pixel table with inline styles (mail clients drop style
    /// sheets), explicit colours on every cell so a client's dark mode inverts them consistently, and
    /// color-scheme meta tags that tell the clients which honour them that both schemes are fine.
    /// </summary>
    internal static string Page(string title, string body) =>
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">" +
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        "<meta name=\"color-scheme\" content=\"light dark\"><meta name=\"supported-color-schemes\" content=\"light dark\">" +
        $"<title>{Encode(title)}</title></head>" +
        "<body style=\"margin:0;padding:0;background-color:#f4f4f5\">" +
        "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"background-color:#f4f4f5\"><tr><td align=\"center\" style=\"padding:16px 8px\">" +
        "<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"max-width:600px;width:100%;background-color:#ffffff;color:#1f2328;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.45\">" +
        $"<tr><td style=\"padding:20px 24px 8px;font-size:20px;font-weight:bold;color:#1f2328\">{Encode(title)}</td></tr>" +
        $"<tr><td style=\"padding:8px 24px 24px;color:#1f2328\">{body}</td></tr>" +
        "</table></td></tr></table></body></html>";
}
