using System.Xml.Linq;
using Paperboy.Core.Ids;
using Paperboy.Core.Papers;

namespace Paperboy.Ingest.Sources.OaiPmh;

/// <summary>
/// Maps one OAI-PMH <c>&lt;record&gt;</c> to a <see cref="Paper"/> by its metadata format, skips deleted
/// records, or says why it cannot.
/// </summary>
internal static class OaiRecordMapper
{
    private static readonly XNamespace Oai = OaiPmhParser.Oai;

    /// <returns>The paper; or null with <paramref name="error"/> set; or null and no error for a deleted record.</returns>
    public static Paper? Map(XElement record, out string? error)
    {
        error = null;
        var header = record.Element(Oai + "header");
        var identifier = header?.Element(Oai + "identifier")?.Value.Trim();
        // Section 2.5.1: a deleted record keeps its header and has no metadata. Nothing to import.
        if ((string?)header?.Attribute("status") == "deleted")
        {
            return null;
        }

        var metadata = record.Element(Oai + "metadata")?.Elements().FirstOrDefault();
        var name = identifier ?? "(no identifier)";
        if (metadata is null)
        {
            error = $"record {name}: no <metadata>";
            return null;
        }

        var idText = metadata.Element(metadata.Name.Namespace + "id")?.Value.Trim();
        if (string.IsNullOrEmpty(idText))
        {
            idText = identifier;
        }

        if (!ArxivId.TryParse(idText, out var arxivId))
        {
            error = string.IsNullOrEmpty(idText)
                ? "record has neither a header <identifier> nor a metadata <id>"
                : $"record {name}: \"{idText}\" is not an arXiv identifier";
            return null;
        }

        var paper = metadata.Name.NamespaceName switch
        {
            ArxivFormatMapper.Namespace => ArxivFormatMapper.Map(metadata, arxivId, out error),
            ArxivRawFormatMapper.Namespace => ArxivRawFormatMapper.Map(metadata, arxivId, out error),
            var other => Unsupported(other, out error),
        };
        if (paper is null)
        {
            error = $"record {name}: {error}";
            return null;
        }

        return paper with { FieldSources = FieldSourceMap.For(paper, ImportSources.OaiPmh) };
    }

    private static Paper? Unsupported(string ns, out string? error)
    {
        error = $"metadata format {ns} is not supported (harvest with metadataPrefix arXiv or arXivRaw)";
        return null;
    }
}
