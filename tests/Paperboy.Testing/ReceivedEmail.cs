using System.Text;
using System.Text.RegularExpressions;

namespace Paperboy.Testing;

/// <summary>
/// A received message read back as a mail client would: headers unfolded, RFC 2047 encoded words
/// decoded, a single part or multipart/alternative split into its text and HTML, quoted-printable or
/// base64 decoded from UTF-8. Small on purpose: enough MIME to check what Paperboy sends.
/// </summary>
public sealed partial class ReceivedEmail
{
    private ReceivedEmail(string raw, IReadOnlyList<KeyValuePair<string, string>> headers, IReadOnlyList<Part> parts)
    {
        Raw = raw;
        Headers = headers;
        Parts = parts;
    }

    /// <summary>The message as received, in ASCII.</summary>
    public string Raw { get; }

    /// <summary>Every header in order, unfolded, values as written (not decoded).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public IReadOnlyList<Part> Parts { get; }

    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public int HeaderCount(string name) => Headers.Count(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));

    public string MessageId => Header("Message-ID") ?? "";

    public string To => Header("To") ?? "";

    public string Subject => DecodeWords(Header("Subject") ?? "");

    public string From => DecodeWords(Header("From") ?? "");

    public string? Text => Parts.FirstOrDefault(p => p.MediaType == "text/plain")?.Body;

    public string? Html => Parts.FirstOrDefault(p => p.MediaType == "text/html")?.Body;

    public static ReceivedEmail Parse(byte[] bytes)
    {
        string raw = Encoding.ASCII.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal);
        var (headers, body) = SplitHeaders(raw);
        string contentType = Find(headers, "Content-Type") ?? "text/plain; charset=us-ascii";
        var parts = new List<Part>();
        if (contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            string boundary = BoundaryParameter().Match(contentType) is { Success: true } m ? m.Groups[1].Value : throw new FormatException("multipart without boundary");
            string[] sections = body.Split("--" + boundary);
            if (!sections[^1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new FormatException("multipart without its closing boundary");
            }
            foreach (string section in sections[1..^1])
            {
                var (partHeaders, partBody) = SplitHeaders(section.TrimStart('\n'));
                parts.Add(ReadPart(partHeaders, partBody.EndsWith('\n') ? partBody[..^1] : partBody));
            }
        }
        else
        {
            // The last CRLF ends the message's last line (SMTP needs one), not the body.
            parts.Add(ReadPart(headers, body.EndsWith('\n') ? body[..^1] : body));
        }
        return new ReceivedEmail(raw, headers, parts);
    }

    private static Part ReadPart(List<KeyValuePair<string, string>> headers, string body)
    {
        string type = Find(headers, "Content-Type") ?? "text/plain";
        string encoding = (Find(headers, "Content-Transfer-Encoding") ?? "7bit").Trim().ToLowerInvariant();
        byte[] decoded = encoding switch
        {
            "quoted-printable" => DecodeQuotedPrintable(body),
            "base64" => Convert.FromBase64String(body.Replace("\n", "", StringComparison.Ordinal)),
            _ => Encoding.ASCII.GetBytes(body),
        };
        string text = Encoding.UTF8.GetString(decoded).Replace("\r\n", "\n", StringComparison.Ordinal);
        return new Part(type.Split(';')[0].Trim().ToLowerInvariant(), type, encoding, text);
    }

    private static (List<KeyValuePair<string, string>> Headers, string Body) SplitHeaders(string text)
    {
        int end = text.IndexOf("\n\n", StringComparison.Ordinal);
        string head = end < 0 ? text : text[..end];
        string body = end < 0 ? "" : text[(end + 2)..];
        var headers = new List<KeyValuePair<string, string>>();
        foreach (string line in head.Split('\n'))
        {
            if (line.Length > 0 && line[0] is ' ' or '\t' && headers.Count > 0)
            {
                // Unfolding (RFC 5322 section 2.2.3): the line break goes, the whitespace stays.
                headers[^1] = new(headers[^1].Key, headers[^1].Value + line);
                continue;
            }
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FormatException($"not a header line: \"{line}\"");
            }
            headers.Add(new(line[..colon], line[(colon + 1)..].TrimStart()));
        }
        return (headers, body);
    }

    private static string? Find(List<KeyValuePair<string, string>> headers, string name) =>
        headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    private static byte[] DecodeQuotedPrintable(string body)
    {
        var bytes = new List<byte>();
        string joined = body.Replace("=\n", "", StringComparison.Ordinal);
        for (int i = 0; i < joined.Length; i++)
        {
            if (joined[i] == '=' && i + 2 < joined.Length)
            {
                bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)joined[i]);
            }
        }
        return bytes.ToArray();
    }

    /// <summary>RFC 2047: encoded words decoded, whitespace between two of them dropped.</summary>
    public static string DecodeWords(string value)
    {
        string joined = BetweenWords().Replace(value, "?==?");
        return EncodedWord().Replace(joined, match =>
        {
            string charset = match.Groups[1].Value;
            string payload = match.Groups[3].Value;
            byte[] bytes = match.Groups[2].Value.ToUpperInvariant() == "B"
                ? Convert.FromBase64String(payload)
                : DecodeQuotedPrintable(payload.Replace('_', ' '));
            return Encoding.GetEncoding(charset).GetString(bytes);
        });
    }

    [GeneratedRegex("boundary=\"?([^\";]+)\"?", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryParameter();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex BetweenWords();

    /// <summary>One body part: its media type, full Content-Type, transfer encoding and decoded text (LF line ends).</summary>
    public sealed record Part(string MediaType, string ContentType, string TransferEncoding, string Body);
}
