using System.Xml.Linq;
using Paperboy.Core.Ids;
using Paperboy.Core.Papers;
using Paperboy.Core.Text;

namespace Paperboy.Ingest.Sources.ArxivApi;

/// <summary>Maps one Atom <c>&lt;entry&gt;</c> of the arXiv API to a <see cref="Paper"/>, or says why it cannot.</summary>
internal static class ArxivEntryMapper
{
    private static readonly XNamespace Atom = ArxivAtomParser.Atom;
    private static readonly XNamespace Arxiv = ArxivAtomParser.Arxiv;

    /// <returns>The paper, or null with <paramref name="error"/> set.</returns>
    public static Paper? Map(XElement entry, out string? error)
    {
        error = null;
        var rawId = entry.Element(Atom + "id")?.Value.Trim();
        if (string.IsNullOrEmpty(rawId))
        {
            error = "entry has no <id>";
            return null;
        }

        if (!ArxivId.TryParse(rawId, out var arxivId))
        {
            error = $"entry id \"{rawId}\" is not an arXiv identifier";
            return null;
        }

        var titleRaw = entry.Element(Atom + "title")?.Value ?? "";
        var title = TextCleaner.Clean(titleRaw);
        if (title.Length == 0)
        {
            error = $"entry {arxivId}: missing <title>";
            return null;
        }

        var summaryRaw = entry.Element(Atom + "summary")?.Value ?? "";
        var summary = TextCleaner.Clean(summaryRaw);
        var comments = NullIfEmpty(TextCleaner.Clean(entry.Element(Arxiv + "comment")?.Value));
        var published = ArxivDates.ParseTimestamp(entry.Element(Atom + "published")?.Value);
        var updated = ArxivDates.ParseTimestamp(entry.Element(Atom + "updated")?.Value);

        var paper = new Paper
        {
            Id = arxivId.BaseId,
            ArxivId = arxivId.BaseId,
            Versions = Versions(arxivId.Version, published, updated),
            Title = title,
            TitleRaw = titleRaw,
            Authors = entry.Elements(Atom + "author")
                .Select(a => TextCleaner.CleanAuthorName(a.Element(Atom + "name")?.Value))
                .Where(AuthorNames.IsName)
                .ToList(),
            Abstract = summary,
            AbstractRaw = summaryRaw,
            Categories = ArxivCategories.PrimaryFirst(
                entry.Element(Arxiv + "primary_category")?.Attribute("term")?.Value,
                entry.Elements(Atom + "category").Select(c => c.Attribute("term")?.Value)),
            Published = published,
            Updated = updated ?? published,
            Doi = ArxivDoi.First(entry.Element(Arxiv + "doi")?.Value),
            JournalRef = NullIfEmpty(TextCleaner.Clean(entry.Element(Arxiv + "journal_ref")?.Value)),
            Comments = comments,
            CodeLinks = CodeLinkExtractor.Extract(comments is null ? summary : $"{summary} {comments}"),
            Withdrawn = WithdrawnNotice.IsWithdrawn(summary, comments),
        };
        return paper with { FieldSources = FieldSourceMap.For(paper, ImportSources.ArxivApi) };
    }

    /// <summary>
    /// The API names only the latest version (in the id) and two dates: <c>published</c> is v1's and
    /// <c>updated</c> the latest version's (user manual section 5.2). Versions in between are unknown, so
    /// they are left out rather than guessed; an id without a version gives no versions at all.
    /// </summary>
    internal static List<PaperVersion> Versions(int? latest, DateTimeOffset? published, DateTimeOffset? updated) => latest switch
    {
        null => [],
        1 => [new PaperVersion(1, published)],
        var n => [new PaperVersion(1, published), new PaperVersion(n.Value, updated)],
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
