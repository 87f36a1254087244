using System.Xml.Linq;
using Paperboy.Core.Ids;
using Paperboy.Core.Papers;
using Paperboy.Core.Text;

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
        error = null;
        var titleRaw = metadata.Element(Ns + "title")?.Value ?? "";
        var title = TextCleaner.Clean(titleRaw);
        if (title.Length == 0)
        {
            error = "missing <title>";
            return null;
        }

        var abstractRaw = metadata.Element(Ns + "abstract")?.Value ?? "";
        var summary = TextCleaner.Clean(abstractRaw);
        var comments = OaiText.NullIfEmpty(TextCleaner.Clean(metadata.Element(Ns + "comments")?.Value));
        var created = ArxivDates.ParseIsoDate(metadata.Element(Ns + "created")?.Value);
        var updated = ArxivDates.ParseIsoDate(metadata.Element(Ns + "updated")?.Value);

        return new Paper
        {
            Id = id.BaseId,
            ArxivId = id.BaseId,
            // created is v1's date; updated is the latest version's, whose number this format does not give.
            Versions = created is null ? [] : [new PaperVersion(1, created)],
            Title = title,
            TitleRaw = titleRaw,
            Authors = metadata.Element(Ns + "authors")?.Elements(Ns + "author")
                .Select(a => AuthorNames.Join(
                    a.Element(Ns + "forenames")?.Value, a.Element(Ns + "keyname")?.Value, a.Element(Ns + "suffix")?.Value))
                .Where(AuthorNames.IsName)
                .ToList() ?? [],
            Abstract = summary,
            AbstractRaw = abstractRaw,
            Categories = OaiText.Categories(metadata.Element(Ns + "categories")?.Value),
            Published = created,
            Updated = updated ?? created,
            Doi = ArxivDoi.First(metadata.Element(Ns + "doi")?.Value),
            JournalRef = OaiText.NullIfEmpty(TextCleaner.Clean(metadata.Element(Ns + "journal-ref")?.Value)),
            Comments = comments,
            CodeLinks = CodeLinkExtractor.Extract(comments is null ? summary : $"{summary} {comments}"),
            Withdrawn = WithdrawnNotice.IsWithdrawn(summary, comments),
        };
    }
}
