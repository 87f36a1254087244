using System.Xml.Linq;
using Paperboy.Core.Ids;
using Paperboy.Core.Papers;
using Paperboy.Core.Text;

namespace Paperboy.Ingest.Sources.OaiPmh;

/// <summary>
/// The fields the <c>arXiv</c> and <c>arXivRaw</c> formats spell the same way (title, abstract, comments,
/// categories, DOI, journal reference), read into a paper that each format's mapper completes with its
/// own authors, versions and dates.
/// </summary>
internal static class OaiCommonFields
{
    public static Paper? Read(XElement metadata, XNamespace ns, ArxivId id, out string? error)
    {
        error = null;
        var titleRaw = metadata.Element(ns + "title")?.Value ?? "";
        var title = TextCleaner.Clean(titleRaw);
        if (title.Length == 0)
        {
            error = "missing <title>";
            return null;
        }

        var abstractRaw = metadata.Element(ns + "abstract")?.Value ?? "";
        var summary = TextCleaner.Clean(abstractRaw);
        var comments = OaiText.NullIfEmpty(TextCleaner.Clean(metadata.Element(ns + "comments")?.Value));
        return new Paper
        {
            Id = id.BaseId,
            ArxivId = id.BaseId,
            Title = title,
            TitleRaw = titleRaw,
            Abstract = summary,
            AbstractRaw = abstractRaw,
            Categories = OaiText.Categories(metadata.Element(ns + "categories")?.Value),
            Doi = ArxivDoi.First(metadata.Element(ns + "doi")?.Value),
            JournalRef = OaiText.NullIfEmpty(TextCleaner.Clean(metadata.Element(ns + "journal-ref")?.Value)),
            Comments = comments,
            CodeLinks = CodeLinkExtractor.Extract(comments is null ? summary : $"{summary} {comments}"),
            Withdrawn = WithdrawnNotice.IsWithdrawn(summary, comments),
        };
    }
}
