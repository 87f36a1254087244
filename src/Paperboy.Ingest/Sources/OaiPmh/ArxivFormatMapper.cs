using System.Xml.Linq;
using Paperboy.Core.Ids;
using Paperboy.Core.Papers;

namespace Paperboy.Ingest.Sources.OaiPmh;

/// <summary>
/// The OAI <c>arXiv</c> metadata format (http://arxiv.org/OAI/arXiv.xsd): structured authors, the dates of
/// the first (<c>created</c>) and latest (<c>updated</c>) version, but no version numbers.
/// </summary>
internal static class ArxivFormatMapper
{
    public const string Namespace = "http://arxiv.org/OAI/arXiv/";
    private static readonly XNamespace Ns = Namespace;

    public static Paper? Map(XElement metadata, ArxivId id, out string? error)
    {
        if (OaiCommonFields.Read(metadata, Ns, id, out error) is not { } paper)
        {
            return null;
        }
        var created = ArxivDates.ParseIsoDate(metadata.Element(Ns + "created")?.Value);
        var updated = ArxivDates.ParseIsoDate(metadata.Element(Ns + "updated")?.Value);
        return paper with
        {
            // created is v1's date; updated is the latest version's, whose number this format does not give.
            Versions = created is null ? [] : [new PaperVersion(1, created)],
            Authors = metadata.Element(Ns + "authors")?.Elements(Ns + "author")
                .Select(a => AuthorNames.Join(
                    a.Element(Ns + "forenames")?.Value, a.Element(Ns + "keyname")?.Value, a.Element(Ns + "suffix")?.Value))
                .Where(AuthorNames.IsName)
                .ToList() ?? [],
            Published = created,
            Updated = updated ?? created,
        };
    }
}
