using Paperboy.Application.Accounts;

namespace Paperboy.Application.Mail;

/// <summary>
/// What a message may hold before it is queued. Every field that becomes a header is refused when it
/// holds CR, LF or another control character, so no field can start a header or a body of its own
/// (header injection); the headers the sender writes itself cannot be given as extra headers.
/// </summary>
public static class MailHeaders
{
    /// <summary>RFC 5322 section 2.1.1 allows 998 characters a line; a value stays well under it.</summary>
    public const int MaxValueLength = 900;

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "Sender", "To", "Cc", "Bcc", "Reply-To", "Subject", "Date", "Message-ID", "MIME-Version",
        "Content-Type", "Content-Transfer-Encoding", "Content-Disposition", "Return-Path", "Received",
    };

    /// <summary>The message with its recipient normalized; an <see cref="ArgumentException"/> naming the field when any is unsafe.</summary>
    public static OutgoingEmail Check(OutgoingEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (!EmailAddresses.TryNormalize(email.To, out string to))
        {
            throw new ArgumentException($"mail: the recipient is not a bare email address: \"{Printable(email.To)}\"", nameof(email));
        }
        if (HasControl(email.Subject) || email.Subject.Length > 500)
        {
            throw new ArgumentException("mail: the subject holds a line break or control character, or is longer than 500 characters", nameof(email));
        }
        ArgumentNullException.ThrowIfNull(email.TextBody);
        ArgumentNullException.ThrowIfNull(email.Headers);
        foreach (var (name, value) in email.Headers)
        {
            if (!IsFieldName(name) || Reserved.Contains(name))
            {
                throw new ArgumentException($"mail: \"{Printable(name)}\" cannot be given as an extra header", nameof(email));
            }
            // Extra headers are ASCII (URLs, tokens), so they need no encoding and cannot smuggle anything in.
            if (value.Length > MaxValueLength || value.Any(c => c is < ' ' or > '~'))
            {
                throw new ArgumentException($"mail: the value of header {name} holds a line break, a control or a non-ASCII character, or is too long", nameof(email));
            }
        }
        return email with { To = to };
    }

    /// <summary>RFC 5322 section 3.6.8: a field name is printable ASCII without a colon.</summary>
    public static bool IsFieldName(string name) =>
        name.Length is > 0 and <= 76 && name.All(c => c is > ' ' and <= '~' and not ':');

    public static bool HasControl(string value) => value.Any(char.IsControl);

    private static string Printable(string value) =>
        new(value.Take(80).Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
