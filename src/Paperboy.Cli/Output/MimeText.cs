using System.Text;
using Paperboy.Application.Mail;

namespace Paperboy.Cli.Output;

/// <summary>
/// An <see cref="OutgoingEmail"/> as a MIME message (RFC 2045/2046: multipart/alternative, text then
/// HTML, UTF-8 in 8bit) that a mail client opens as an .eml file. For previews only: the delivery side
/// builds the messages it sends.
/// </summary>
public static class MimeText
{
    public static string Render(OutgoingEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        const string boundary = "paperboy-preview-boundary";
        var text = new StringBuilder();
        text.Append("To: ").Append(email.To).Append("\r\n");
        text.Append("Subject: =?utf-8?B?").Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(email.Subject))).Append("?=\r\n");
        foreach (var (name, value) in email.Headers)
        {
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }
        text.Append("MIME-Version: 1.0\r\n");
        if (email.HtmlBody is null)
        {
            text.Append("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n").Append(Crlf(email.TextBody));
            return text.ToString();
        }
        text.Append($"Content-Type: multipart/alternative; boundary=\"{boundary}\"\r\n\r\n");
        text.Append($"--{boundary}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n").Append(Crlf(email.TextBody)).Append("\r\n");
        text.Append($"--{boundary}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n").Append(Crlf(email.HtmlBody)).Append("\r\n");
        text.Append($"--{boundary}--\r\n");
        return text.ToString();
    }

    private static string Crlf(string body) => body.ReplaceLineEndings("\r\n");
}
