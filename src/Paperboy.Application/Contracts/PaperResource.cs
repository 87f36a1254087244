using Paperboy.Core.Papers;

namespace Paperboy.Application.Contracts;

/// <summary>A paper as the JSON API and `paperboy show --json` give it (snake_case names, docs/API.md).</summary>
public sealed record PaperResource(
    string Id,
    string? ArxivId,
    string Title,
    IReadOnlyList<string> Authors,
    string Abstract,
    IReadOnlyList<string> Categories,
    DateTimeOffset? Published,
    DateTimeOffset? Updated,
    DateTimeOffset? FirstSeen,
    int LatestVersion,
    IReadOnlyList<PaperVersion> Versions,
    string? Doi,
    string? JournalRef,
    string? Comments,
    bool Withdrawn,
    PaperLinksResource Links,
    IReadOnlyDictionary<string, string> Sources,
    string TitleRaw,
    string AbstractRaw)
{
    public static PaperResource From(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        var links = paper.Links;
        return new PaperResource(
            paper.Id, paper.ArxivId, paper.Title, paper.Authors, paper.Abstract, paper.Categories,
            paper.Published, paper.Updated, paper.FirstSeen, paper.LatestVersion, paper.Versions,
            paper.Doi, paper.JournalRef, paper.Comments, paper.Withdrawn,
            new PaperLinksResource(links.Abstract?.ToString(), links.Pdf?.ToString(), links.Doi?.ToString(), links.Code.Select(c => c.ToString()).ToList()),
            paper.FieldSources, paper.TitleRaw, paper.AbstractRaw);
    }
}

public sealed record PaperLinksResource(string? Abstract, string? Pdf, string? Doi, IReadOnlyList<string> Code);
