using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Paperboy.Ingest.Xml;

namespace Paperboy.Ingest.Sources.OaiPmh;

/// <summary>
/// Parses an OAI-PMH 2.0 response (http://www.openarchives.org/OAI/openarchivesprotocol.html) from arXiv's
/// repository (https://info.arxiv.org/help/oa/index.html): ListRecords or GetRecord in the <c>arXiv</c> or
/// <c>arXivRaw</c> metadata format. Records are read one at a time; deleted records are skipped; a record
/// that cannot be mapped becomes an <see cref="ImportError"/> at its line and the others import. Protocol
/// errors are returned in the page; a payload that is not an OAI-PMH document throws <see cref="SourcePayloadException"/>.
/// </summary>
public static class OaiPmhParser
{
    internal const string Source = "oai-pmh";
    internal static readonly XNamespace Oai = "http://www.openarchives.org/OAI/2.0/";

    public static async Task<OaiPmhPage> ParseAsync(Stream input, string origin, CancellationToken ct)
    {
        using var reader = await XmlPayload.OpenAsync(input, Source, origin, "OAI-PMH", Oai.NamespaceName, ct).ConfigureAwait(false);
        try
        {
            return await ReadResponseAsync(reader, origin, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is XmlException or System.Text.DecoderFallbackException)
        {
            throw XmlPayload.Malformed(ex, Source, origin);
        }
    }

    private static async Task<OaiPmhPage> ReadResponseAsync(XmlReader reader, string origin, CancellationToken ct)
    {
        var records = new List<ImportRecord>();
        OaiResumptionToken? resumption = null;
        OaiError? error = null;
        DateTimeOffset? responseDate = null;
        var lineInfo = (IXmlLineInfo)reader;

        await reader.ReadAsync().ConfigureAwait(false); // into <OAI-PMH>
        while (!reader.EOF)
        {
            ct.ThrowIfCancellationRequested();
            // Depth 1: responseDate, request, error, or the verb element; depth 2: its records and token.
            if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != Oai.NamespaceName)
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    await reader.SkipAsync().ConfigureAwait(false);
                }
                else
                {
                    await reader.ReadAsync().ConfigureAwait(false);
                }

                continue;
            }

            switch (reader.Depth, reader.LocalName)
            {
                case (1, "responseDate"):
                    responseDate = ArxivDates.ParseTimestamp(await reader.ReadElementContentAsStringAsync().ConfigureAwait(false));
                    break;
                case (1, "error"):
                    var code = reader.GetAttribute("code") ?? "";
                    var message = (await reader.ReadElementContentAsStringAsync().ConfigureAwait(false)).Trim();
                    error ??= new OaiError(code, message); // the first error is the one that matters; more only repeat it
                    break;
                case (1, "ListRecords" or "GetRecord"):
                    await reader.ReadAsync().ConfigureAwait(false); // step inside
                    break;
                case (2, "record"):
                    var line = lineInfo.LineNumber;
                    var record = (XElement)await XNode.ReadFromAsync(reader, ct).ConfigureAwait(false);
                    if (OaiRecordMapper.Map(record, out var recordError) is { } paper)
                    {
                        records.Add(ImportRecord.Of(paper));
                    }
                    else if (recordError is not null)
                    {
                        records.Add(ImportRecord.Failed(new ImportError(origin, line, recordError)));
                    }

                    break;
                case (2, "resumptionToken"):
                    resumption = await ReadTokenAsync(reader).ConfigureAwait(false);
                    break;
                default:
                    await reader.SkipAsync().ConfigureAwait(false);
                    break;
            }
        }

        return new OaiPmhPage(records, resumption, error, responseDate);
    }

    // Section 3.5.1: an empty token on the last page of a list means "complete"; cursor and size are optional.
    private static async Task<OaiResumptionToken> ReadTokenAsync(XmlReader reader)
    {
        var cursor = ParseNumber(reader.GetAttribute("cursor"));
        var size = ParseNumber(reader.GetAttribute("completeListSize"));
        var token = (await reader.ReadElementContentAsStringAsync().ConfigureAwait(false)).Trim();
        return new OaiResumptionToken(token.Length == 0 ? null : token, cursor, size);
    }

    private static long? ParseNumber(string? value) =>
        long.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
