using System.Globalization;
using System.Xml.Linq;
using Paperboy.Core.Ids;
using Paperboy.Core.Papers;
using Paperboy.Core.Text;

namespace Paperboy.Ingest.Sources.OaiPmh;

/// <summary>
/// The OAI <c>arXivRaw</c> metadata format (http://arxiv.org/OAI/arXivRaw.xsd): the authors as one string
/// and the full version history, each <c>&lt;version version="vN"&gt;</c> with its RFC 822 submission date.
/// </summary>
internal static class ArxivRawFormatMapper
{
    public const string Namespace = "http://arxiv.org/OAI/arXivRaw/";
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
        var versions = Versions(metadata);

        return new Paper
        {
            Id = id.BaseId,
            ArxivId = id.BaseId,
            Versions = versions,
            Title = title,
            TitleRaw = titleRaw,
            Authors = AuthorNames.SplitRaw(metadata.Element(Ns + "authors")?.Value),
            Abstract = summary,
            AbstractRaw = abstractRaw,
            Categories = OaiText.Categories(metadata.Element(Ns + "categories")?.Value),
            Published = versions.FirstOrDefault(v => v.Number == 1)?.Submitted,
            Updated = versions.Count > 0 ? versions[^1].Submitted : null,
            Doi = ArxivDoi.First(metadata.Element(Ns + "doi")?.Value),
            JournalRef = OaiText.NullIfEmpty(TextCleaner.Clean(metadata.Element(Ns + "journal-ref")?.Value)),
            Comments = comments,
            CodeLinks = CodeLinkExtractor.Extract(comments is null ? summary : $"{summary} {comments}"),
            Withdrawn = WithdrawnNotice.IsWithdrawn(summary, comments),
        };
    }

    // A version we cannot number is dropped and the paper kept; the list is returned oldest first.
    private static List<PaperVersion> Versions(XElement metadata)
    {
        var versions = new List<PaperVersion>();
        foreach (var version in metadata.Elements(Ns + "version"))
        {
            var label = ((string?)version.Attribute("version"))?.Trim();
            if (label is ['v' or 'V', .. var digits]
                && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
                && versions.TrueForAll(v => v.Number != number))
            {
                versions.Add(new PaperVersion(number, ArxivDates.ParseRfc822(version.Element(Ns + "date")?.Value)));
            }
        }

        versions.Sort((a, b) => a.Number.CompareTo(b.Number));
        return versions;
    }
}
