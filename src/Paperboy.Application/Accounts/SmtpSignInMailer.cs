using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Paperboy.Application.Mail;

namespace Paperboy.Application.Accounts;

/// <summary>
/// Mails the sign-in link through the outbox, which the background sender delivers at once: the link
/// lives in the store only as long as the outbox row, and never in the log.
/// </summary>
public sealed class SmtpSignInMailer(IEmailOutbox outbox) : ISignInMailer
{
    public async Task SendSignInLinkAsync(string email, Uri link, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        string url = link.AbsoluteUri;
        string until = expires.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        string text =
            $"""
            Someone, hopefully you, asked to sign in to Paperboy with this address.

            Sign in: {url}

            The link works once, until {until}. If you did not ask for it, ignore this message.
            """;
        string html =
            $"""
            <p>Someone, hopefully you, asked to sign in to Paperboy with this address.</p>
            <p><a href="{System.Net.WebUtility.HtmlEncode(url)}">Sign in to Paperboy</a></p>
            <p>The link works once, until {until}. If you did not ask for it, ignore this message.</p>
            """;
        // Each link is its own message: the key is the link's hash, so a retry of the request cannot queue it twice.
        string key = "sign-in:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)));
        await outbox.EnqueueAsync(new OutgoingEmail(email, "Sign in to Paperboy", text, html, new Dictionary<string, string>()), key, cancellationToken);
    }
}
