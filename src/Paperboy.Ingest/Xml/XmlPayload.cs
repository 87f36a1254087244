using System.Text;
using System.Xml;

namespace Paperboy.Ingest.Xml;

/// <summary>
/// Opens a source's XML payload with <see cref="SafeXml"/> and positions the reader on its root element,
/// turning everything that is not the expected document into a <see cref="SourcePayloadException"/> whose
/// message names the source, the origin and the problem: an HTML page (arXiv answers HTML for 5xx and
/// rate limits), a DTD (refused: XXE and entity expansion), malformed, truncated or mis-encoded XML,
/// or another XML vocabulary.
/// </summary>
internal static class XmlPayload
{
    private const int SniffBytes = 1024;

    /// <param name="source">The layer for messages: "arxiv api", "oai-pmh".</param>
    /// <param name="rootName">The expected root element's local name.</param>
    /// <param name="rootNamespace">The expected root element's namespace URI.</param>
    public static async Task<XmlReader> OpenAsync(
        Stream input, string source, string origin, string rootName, string rootNamespace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var head = new byte[SniffBytes];
        var read = await input.ReadAtLeastAsync(head, SniffBytes, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        RejectByHead(head.AsSpan(0, read), source, origin);

        var reader = SafeXml.CreateReader(new PrefixedStream(head.AsMemory(0, read), input));
        try
        {
            if (await reader.MoveToContentAsync().ConfigureAwait(false) != XmlNodeType.Element)
            {
                throw new SourcePayloadException($"{source}: {origin}: the document has no root element");
            }

            if (reader.LocalName != rootName || reader.NamespaceURI != rootNamespace)
            {
                var html = reader.LocalName.Equals("html", StringComparison.OrdinalIgnoreCase) ? " (an HTML page, not a feed)" : "";
                throw new SourcePayloadException(
                    $"{source}: {origin}: expected a <{rootName}> root element in namespace {rootNamespace}, found <{reader.Name}>{html}");
            }

            return reader;
        }
        catch (Exception ex) when (ex is XmlException or DecoderFallbackException or SourcePayloadException)
        {
            reader.Dispose();
            throw ex as SourcePayloadException ?? Malformed(ex, source, origin);
        }
    }

    /// <summary>The exception for a reader that failed mid-document.</summary>
    public static SourcePayloadException Malformed(Exception ex, string source, string origin) => ex switch
    {
        XmlException { LineNumber: > 0 } xml when IsTruncation(xml) =>
            new SourcePayloadException($"{source}: {origin}: the document ends early (truncated) at line {xml.LineNumber}: {xml.Message}", ex),
        XmlException { LineNumber: > 0 } xml =>
            new SourcePayloadException($"{source}: {origin}: malformed XML at line {xml.LineNumber}, position {xml.LinePosition}: {xml.Message}", ex),
        DecoderFallbackException =>
            new SourcePayloadException($"{source}: {origin}: the document is not valid UTF-8: {ex.Message}", ex),
        _ => new SourcePayloadException($"{source}: {origin}: malformed XML: {ex.Message}", ex),
    };

    // XmlException has no error code; an unexpected end of file is the one case worth naming.
    private static bool IsTruncation(XmlException ex) =>
        ex.Message.Contains("end of file", StringComparison.OrdinalIgnoreCase);

    // Checked on the raw head so the message says what the payload is, before any parser sees it.
    private static void RejectByHead(ReadOnlySpan<byte> head, string source, string origin)
    {
        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.Length == 0)
        {
            throw new SourcePayloadException($"{source}: {origin}: the payload is empty");
        }

        if (text.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) ||
            text.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            throw new SourcePayloadException($"{source}: {origin}: received an HTML page, not XML (an error or rate-limit page?)");
        }

        if (text.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase))
        {
            // SafeXml would refuse it too; naming it here tells the user why.
            throw new SourcePayloadException(
                $"{source}: {origin}: the document declares a DTD (<!DOCTYPE>), which is refused: entity declarations enable XXE and entity-expansion attacks");
        }
    }

    /// <summary>The line an XML parser stopped at, or 1 when the payload as a whole is at fault.</summary>
    public static long LineOf(SourcePayloadException ex) =>
        ex.InnerException is XmlException { LineNumber: > 0 } xml ? xml.LineNumber : 1;
}
