using System.Globalization;
using System.Text;
using Paperboy.Application.Mail;
using static Paperboy.Application.Digests.SubscriptionEmails;

namespace Paperboy.Application.Digests;

/// <summary>
/// Renders a digest as a multipart email: a plain-text part and an HTML part (tables and inline styles,
/// which every common client renders; explicit colours for dark mode), with the RFC 8058 one-click
/// unsubscribe headers and the same link in the body.
/// </summary>
public static class DigestRenderer
{
    /// <summary>RFC 8058 §3.1: the body a mail client POSTs to the List-Unsubscribe URL.</summary>
    public const string OneClickBody = "List-Unsubscribe=One-Click";

    public static OutgoingEmail Render(Digest digest, Uri siteRoot, string manageToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(siteRoot);
        var unsubscribe = SiteLinks.WithToken(siteRoot, SiteLinks.UnsubscribePath, manageToken);
        var preferences = SiteLinks.WithToken(siteRoot, SiteLinks.PreferencesPath, manageToken);
        string subject = Subject(digest);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // RFC 2369 and RFC 8058: an HTTPS URI to POST "List-Unsubscribe=One-Click" to; no sign-in, the token is the proof.
            ["List-Unsubscribe"] = $"<{unsubscribe.AbsoluteUri}>",
            ["List-Unsubscribe-Post"] = OneClickBody,
        };
        return new OutgoingEmail(digest.Subscriber.Email, subject, Text(digest, siteRoot, preferences, unsubscribe),
            Html(digest, subject, siteRoot, preferences, unsubscribe), headers);
    }

    public static string Subject(Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        int count = digest.Matches.Count + digest.Trending.Count;
        string papers = count == 1 ? "1 paper" : $"{count} papers";
        string date = digest.Slot.To.ToString("ddd d MMM", CultureInfo.InvariantCulture);
        return digest.Slot.Weekly ? $"Paperboy weekly: {papers}, week to {date}" : $"Paperboy: {papers} for {date}";
    }

    private static string Text(Digest digest, Uri root, Uri preferences, Uri unsubscribe)
    {
        var text = new StringBuilder();
        if (digest.IsEmpty)
        {
            text.AppendLine("Nothing new matched your subscription this time.").AppendLine();
        }
        Section(text, "For you", digest.Matches, root);
        Section(text, digest.Slot.Weekly ? "Trending this week" : "Trending today", digest.Trending, root);
        text.AppendLine("--")
            .AppendLine("You receive this because you subscribed to Paperboy digests.")
            .AppendLine($"Change what you receive: {preferences.AbsoluteUri}")
            .AppendLine($"Unsubscribe: {unsubscribe.AbsoluteUri}");
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IReadOnlyList<DigestItem> items, Uri root)
    {
        if (items.Count == 0)
        {
            return;
        }
        text.AppendLine(title).AppendLine(new string('=', title.Length)).AppendLine();
        foreach (var item in items)
        {
            text.AppendLine(item.Paper.Title)
                .AppendLine(Authors(item))
                .AppendLine($"Why: {string.Join("; ", item.Reasons)}")
                .AppendLine(SiteLinks.Paper(root, item.Paper.Id).AbsoluteUri)
                .AppendLine();
        }
    }

    private static string Html(Digest digest, string subject, Uri root, Uri preferences, Uri unsubscribe)
    {
        var body = new StringBuilder();
        if (digest.IsEmpty)
        {
            body.Append("<p style=\"margin:0 0 12px\">Nothing new matched your subscription this time.</p>");
        }
        HtmlSection(body, "For you", digest.Matches, root);
        HtmlSection(body, digest.Slot.Weekly ? "Trending this week" : "Trending today", digest.Trending, root);
        body.Append("<p style=\"margin:24px 0 0;font-size:13px;color:#555555\">You receive this because you subscribed to Paperboy digests. ")
            .Append($"<a href=\"{Encode(preferences.AbsoluteUri)}\" style=\"color:#1a56db\">Change what you receive</a> or ")
            .Append($"<a href=\"{Encode(unsubscribe.AbsoluteUri)}\" style=\"color:#1a56db\">unsubscribe</a>.</p>");
        return Page(subject, body.ToString());
    }

    private static void HtmlSection(StringBuilder body, string title, IReadOnlyList<DigestItem> items, Uri root)
    {
        if (items.Count == 0)
        {
            return;
        }
        body.Append($"<h2 style=\"margin:16px 0 8px;font-size:17px;color:#1f2328\">{Encode(title)}</h2>")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\">");
        foreach (var item in items)
        {
            string link = SiteLinks.Paper(root, item.Paper.Id).AbsoluteUri;
            body.Append("<tr><td style=\"padding:10px 0;border-top:1px solid #d0d7de\">")
                .Append($"<a href=\"{Encode(link)}\" style=\"color:#1a56db;font-weight:bold;text-decoration:none\">{Encode(item.Paper.Title)}</a>")
                .Append($"<div style=\"color:#444444;font-size:13px;margin-top:2px\">{Encode(Authors(item))}</div>")
                .Append($"<div style=\"color:#1f2328;font-size:14px;margin-top:4px\">{Encode(Excerpt(item.Paper.Abstract))}</div>")
                .Append($"<div style=\"color:#0a6640;font-size:13px;margin-top:4px\">{Encode(string.Join("; ", item.Reasons))}</div>")
                .Append("</td></tr>");
        }
        body.Append("</table>");
    }

    private static string Authors(DigestItem item)
    {
        var authors = item.Paper.Authors;
        string names = authors.Count <= 4 ? string.Join(", ", authors) : string.Join(", ", authors.Take(3)) + $" and {authors.Count - 3} more";
        string categories = string.Join(" ", item.Paper.Categories.Take(3));
        return categories.Length == 0 ? names : $"{names} ({categories})";
    }

    private static string Excerpt(string text)
    {
        const int max = 280;
        string flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= max)
        {
            return flat;
        }
        int cut = flat.LastIndexOf(' ', max);
        return flat[..(cut > 200 ? cut : max)] + "\u2026";
    }
}
