using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Paperboy.Core.Mail;

namespace Paperboy.Application.Mail;

/// <summary>
/// Writes an outbox message as an RFC 5322 message in 7-bit ASCII with CRLF line ends: UTF-8 bodies in
/// quoted-printable (RFC 2045 section 6.7), a text/plain part and, with HTML, a multipart/alternative
/// (RFC 2046 section 5.1.4) with the HTML last, and non-ASCII subjects and names as RFC 2047 encoded
/// words. The same row always gives the same bytes, so every attempt sends the same message.
/// </summary>
public static class MimeWriter
{
    public static byte[] Write(OutboxMessage message, string fromAddress, string fromName)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = new StringBuilder();
        Header(text, "From", $"{DisplayName(fromName)}<{fromAddress}>");
        Header(text, "To", message.Recipient);
        Header(text, "Subject", EncodeText(message.Subject));
        Header(text, "Date", message.QueuedAt.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture));
        Header(text, "Message-ID", message.MessageId);
        Header(text, "MIME-Version", "1.0");
        foreach (var (name, value) in message.Headers.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            Header(text, name, value);
        }
        if (message.HtmlBody is null)
        {
            Part(text, "text/plain", message.TextBody);
        }
        else
        {
            // "=_" never occurs in quoted-printable output ('=' is always =3D), so it cannot end a part early.
            string boundary = "=_pb_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message.MessageId)))[..24];
            Header(text, "Content-Type", $"multipart/alternative; boundary=\"{boundary}\"");
            text.Append("\r\n");
            text.Append("--").Append(boundary).Append("\r\n");
            Part(text, "text/plain", message.TextBody);
            text.Append("--").Append(boundary).Append("\r\n");
            Part(text, "text/html", message.HtmlBody);
            text.Append("--").Append(boundary).Append("--\r\n");
        }
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static void Part(StringBuilder text, string type, string body)
    {
        Header(text, "Content-Type", $"{type}; charset=utf-8");
        Header(text, "Content-Transfer-Encoding", "quoted-printable");
        text.Append("\r\n");
        text.Append(QuotedPrintable(body));
        text.Append("\r\n");
    }

    private static void Header(StringBuilder text, string name, string value)
    {
        // The last line of defence: whatever reached here, no value can begin a header of its own.
        // Folds ("CRLF SP", which only the encoder makes) aside, a value is printable ASCII.
        if (value.Replace("\r\n ", "", StringComparison.Ordinal).Any(c => c is < ' ' or > '~'))
        {
            throw new ArgumentException($"mail: header {name} would hold a line break or a non-ASCII character");
        }
        text.Append(name).Append(": ").Append(value).Append("\r\n");
    }

    private static string DisplayName(string name)
    {
        if (name.Length == 0)
        {
            return "";
        }
        if (name.All(c => c is >= ' ' and <= '~') && !name.Contains("=?", StringComparison.Ordinal))
        {
            return "\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\" ";
        }
        return EncodeWords(name) + " ";
    }

    /// <summary>Printable ASCII as it is; anything else as encoded words, folded between them.</summary>
    public static string EncodeText(string value)
    {
        if (value.All(c => c is >= ' ' and <= '~') && !value.Contains("=?", StringComparison.Ordinal) && value.Length <= 76)
        {
            return value;
        }
        return EncodeWords(value);
    }

    /// <summary>RFC 2047 "B" encoded words of 64 characters at most (39 bytes), so "Subject: " and one word fit in 78, split between characters, never inside one.</summary>
    private static string EncodeWords(string value)
    {
        var words = new List<string>();
        var chunk = new List<byte>();
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            int length = rune.EncodeToUtf8(buffer);
            if (chunk.Count + length > 39)
            {
                words.Add($"=?utf-8?B?{Convert.ToBase64String(chunk.ToArray())}?=");
                chunk.Clear();
            }
            chunk.AddRange(buffer[..length].ToArray());
        }
        if (chunk.Count > 0 || words.Count == 0)
        {
            words.Add($"=?utf-8?B?{Convert.ToBase64String(chunk.ToArray())}?=");
        }
        return string.Join("\r\n ", words);
    }

    /// <summary>Quoted-printable with CRLF line ends and soft breaks keeping lines at 76 characters.</summary>
    public static string QuotedPrintable(string body)
    {
        var output = new StringBuilder(body.Length + body.Length / 8);
        string[] lines = body.ReplaceLineEndings("\n").Split('\n');
        for (int l = 0; l < lines.Length; l++)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(lines[l]);
            int column = 0;
            for (int i = 0; i < bytes.Length; i++)
            {
                byte b = bytes[i];
                bool last = i == bytes.Length - 1;
                // Trailing space or tab would be stripped in transit (RFC 2045 rule 3), so it is encoded.
                string token = (b is >= 33 and <= 126 && b != '=') || (b is (byte)' ' or (byte)'\t' && !last)
                    ? ((char)b).ToString()
                    : $"={b:X2}";
                if (column + token.Length > (last ? 76 : 75))
                {
                    output.Append("=\r\n");
                    column = 0;
                }
                output.Append(token);
                column += token.Length;
            }
            if (l < lines.Length - 1)
            {
                output.Append("\r\n");
            }
        }
        return output.ToString();
    }
}
