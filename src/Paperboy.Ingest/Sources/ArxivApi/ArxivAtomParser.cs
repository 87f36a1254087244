using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Paperboy.Ingest.Xml;

namespace Paperboy.Ingest.Sources.ArxivApi;

/// <summary>
/// Parses an arXiv API answer (https://info.arxiv.org/help/api/user-manual.html#3.3): an Atom 1.0 feed
/// (RFC 4287) with OpenSearch paging and arXiv extension elements. Entries are read one at a time; an
/// entry that cannot be mapped becomes an <see cref="ImportError"/> at its line and the others import.
/// The API's error feed, and anything that is not a well-formed feed, throw <see cref="SourcePayloadException"/>.
/// </summary>
public static class ArxivAtomParser
{
    internal const string Source = "arxiv api";
    internal static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    internal static readonly XNamespace Arxiv = "http://arxiv.org/schemas/atom";
    private const string OpenSearch = "http://a9.com/-/spec/opensearch/1.1/";

    public static async Task<ArxivFeedPage> ParseAsync(Stream input, string origin, CancellationToken ct)
    {
        using var reader = await XmlPayload.OpenAsync(input, Source, origin, "feed", Atom.NamespaceName, ct).ConfigureAwait(false);
        try
        {
            return await ReadFeedAsync(reader, origin, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is XmlException or System.Text.DecoderFallbackException)
        {
            throw XmlPayload.Malformed(ex, Source, origin);
        }
    }

    private static async Task<ArxivFeedPage> ReadFeedAsync(XmlReader reader, string origin, CancellationToken ct)
    {
        var records = new List<ImportRecord>();
        long? total = null;
        int? start = null;
        int? perPage = null;
        var lineInfo = (IXmlLineInfo)reader;

        await reader.ReadAsync().ConfigureAwait(false); // into <feed>
        while (!reader.EOF)
        {
            ct.ThrowIfCancellationRequested();
            if (reader.NodeType != XmlNodeType.Element || reader.Depth != 1)
            {
                await reader.ReadAsync().ConfigureAwait(false);
                continue;
            }

            if (reader.NamespaceURI == OpenSearch)
            {
                var name = reader.LocalName;
                var value = (await reader.ReadElementContentAsStringAsync().ConfigureAwait(false)).Trim();
                switch (name)
                {
                    case "totalResults": total = ParseNumber(value); break;
                    case "startIndex": start = (int?)ParseNumber(value); break;
                    case "itemsPerPage": perPage = (int?)ParseNumber(value); break;
                }
            }
            else if (reader.NamespaceURI == Atom.NamespaceName && reader.LocalName == "entry")
            {
                var line = lineInfo.LineNumber;
                var entry = (XElement)await XNode.ReadFromAsync(reader, ct).ConfigureAwait(false);
                ThrowIfErrorEntry(entry, origin);
                var paper = ArxivEntryMapper.Map(entry, out var error);
                records.Add(paper is not null
                    ? ImportRecord.Of(paper)
                    : ImportRecord.Failed(new ImportError(origin, line, error ?? "unreadable entry")));
            }
            else
            {
                await reader.SkipAsync().ConfigureAwait(false);
            }
        }

        return new ArxivFeedPage(records, total, start ?? 0, perPage ?? records.Count);
    }

    // The API reports a bad query as a feed with one entry whose id is under http://arxiv.org/api/errors
    // (user manual section 3.4 "Errors"), not as a paper.
    private static void ThrowIfErrorEntry(XElement entry, string origin)
    {
        var id = entry.Element(Atom + "id")?.Value.Trim() ?? "";
        if (id.Contains("arxiv.org/api/errors", StringComparison.OrdinalIgnoreCase))
        {
            var message = entry.Element(Atom + "summary")?.Value.Trim();
            throw new SourcePayloadException(
                $"{Source}: {origin}: the API answered with an error: {(string.IsNullOrEmpty(message) ? id : message)}");
        }
    }

    private static long? ParseNumber(string value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
