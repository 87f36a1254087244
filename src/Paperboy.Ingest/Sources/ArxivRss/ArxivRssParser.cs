using System.Runtime.CompilerServices;
using System.Xml;
using System.Xml.Linq;
using Paperboy.Ingest.Xml;

namespace Paperboy.Ingest.Sources.ArxivRss;

/// <summary>
/// Reads an arXiv listing feed in either format: the old RSS 1.0/RDF export.arxiv.org/rss feeds or the 2024+
/// rss.arxiv.org RSS 2.0 feeds. Items are read one at a time through <see cref="SafeXml"/> (no DTD, no resolver).
/// An item that cannot be mapped becomes an error with its line and the rest are kept; a document that is not
/// such a feed (malformed or truncated XML, an HTML page, a DTD) is a <see cref="SourcePayloadException"/>.
/// </summary>
public static class ArxivRssParser
{
    /// <param name="origin">The file or URL named in errors.</param>
    public static async Task<ArxivRssPage> ParseAsync(Stream input, string origin, CancellationToken ct)
    {
        var channel = new ArxivRssChannel();
        var items = new List<ArxivRssItem>();
        var errors = new List<ImportError>();
        await foreach (var entry in ReadAsync(input, origin, channel, ct).ConfigureAwait(false))
        {
            if (entry.Item is not null)
            {
                items.Add(entry.Item);
            }
            else if (entry.Error is not null)
            {
                errors.Add(entry.Error);
            }
        }

        return new ArxivRssPage(items, errors, channel.Date, channel.Name);
    }

    /// <summary>The streaming core shared with <see cref="ArxivRssReader"/>; <paramref name="channel"/> fills in as the feed is read.</summary>
    internal static async IAsyncEnumerable<ArxivRssEntry> ReadAsync(
        Stream input, string origin, ArxivRssChannel channel, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var reader = SafeXml.CreateReader(input);
        var lineInfo = (IXmlLineInfo)reader;
        var rootSeen = false;
        var onNextNode = false; // XNode.ReadFromAsync leaves the reader on the node after the element it read
        string? topLevel = null; // the local name of the current child of the root: "channel" or "item"
        var itemIndex = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            ArxivRssEntry? entry = null;
            try
            {
                if (!onNextNode && !await reader.ReadAsync().ConfigureAwait(false))
                {
                    break;
                }

                onNextNode = false;
                if (reader.EOF)
                {
                    break;
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (!rootSeen)
                {
                    channel.IsRdf = CheckRoot(reader, origin);
                    rootSeen = true;
                    continue;
                }

                if (reader.Depth == 1)
                {
                    topLevel = reader.LocalName;
                }

                if (reader.LocalName == "item" && reader.NamespaceURI is "" or FeedNames.Rss1)
                {
                    itemIndex++;
                    var line = lineInfo.LineNumber;
                    var element = (XElement)await XNode.ReadFromAsync(reader, ct).ConfigureAwait(false);
                    onNextNode = true;
                    entry = Map(element, channel, origin, line, itemIndex);
                }
                else if (reader.Depth == 2 && topLevel == "channel")
                {
                    var element = (XElement)await XNode.ReadFromAsync(reader, ct).ConfigureAwait(false);
                    onNextNode = true;
                    channel.Apply(element.Name.LocalName, element.Name.NamespaceName, element.Value);
                }
            }
            catch (XmlException ex)
            {
                // Truncated documents, HTML pages and DTDs (refused by SafeXml: XXE, entity expansion) all land here.
                // A refused DTD is reported without a position; the reader still knows where it stopped.
                var (line, position) = ex.LineNumber > 0 ? (ex.LineNumber, ex.LinePosition) : (lineInfo.LineNumber, lineInfo.LinePosition);
                throw new SourcePayloadException(
                    $"arxiv rss {origin}: not a well-formed feed at line {line}, position {position} (after {itemIndex} items): {ex.Message}", ex);
            }

            if (entry is not null)
            {
                yield return entry;
            }
        }

        if (!rootSeen)
        {
            throw new SourcePayloadException($"arxiv rss {origin}: empty document, expected an RSS feed");
        }
    }

    /// <returns>True for the old RSS 1.0/RDF format, false for RSS 2.0.</returns>
    private static bool CheckRoot(XmlReader reader, string origin)
    {
        if (reader.LocalName == "RDF" && reader.NamespaceURI == FeedNames.Rdf)
        {
            return true;
        }

        if (reader.LocalName == "rss" && reader.NamespaceURI.Length == 0)
        {
            return false;
        }

        var found = reader.LocalName.Equals("html", StringComparison.OrdinalIgnoreCase)
            ? "an HTML page (an error or rate-limit page?)"
            : reader.LocalName == "feed"
                ? "an Atom feed (rss.arxiv.org/atom is not supported: fetch rss.arxiv.org/rss instead)"
                : $"a <{reader.Name}> document";
        throw new SourcePayloadException($"arxiv rss {origin}: expected an RSS 1.0 (rdf:RDF) or RSS 2.0 (rss) feed, found {found}");
    }

    private static ArxivRssEntry Map(XElement element, ArxivRssChannel channel, string origin, int line, int index)
    {
        var item = channel.IsRdf
            ? RdfItemMapper.Map(element, channel, out var error)
            : Rss2ItemMapper.Map(element, out error);
        return item is not null
            ? new ArxivRssEntry(item, null)
            : new ArxivRssEntry(null, new ImportError(origin, line, $"feed item {index}: {error}"));
    }
}
