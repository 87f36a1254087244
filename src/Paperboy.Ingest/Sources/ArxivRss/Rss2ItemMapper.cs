using System.Text.RegularExpressions;
using System.Xml.Linq;
using Paperboy.Core.Ids;
using Paperboy.Core.Papers;
using Paperboy.Core.Text;

namespace Paperboy.Ingest.Sources.ArxivRss;

/// <summary>
/// Maps an item of the 2024+ rss.arxiv.org RSS 2.0 feed (https://info.arxiv.org/help/rss_specifications.html):
/// guid "oai:arXiv.org:ID vN", a description that starts "arXiv:IDvN Announce Type: new Abstract: ...",
/// one category element per category, arxiv:announce_type and a comma-separated dc:creator.
/// </summary>
internal static partial class Rss2ItemMapper
{
    private static readonly XNamespace None = XNamespace.None;
    private static readonly XNamespace Dc = FeedNames.DublinCore;
    private static readonly XNamespace Arxiv = FeedNames.Arxiv;

    /// <returns>The item, or null with <paramref name="error"/> set.</returns>
    public static ArxivRssItem? Map(XElement item, out string? error)
    {
        error = null;
        var description = ArxivRssFields.Child(item, None, "description");
        var parts = DescriptionParts().Match(description);
        var candidates = new[] { ArxivRssFields.Child(item, None, "guid"), parts.Groups["id"].Value, ArxivRssFields.Child(item, None, "link") };
        var rawId = candidates.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));
        if (rawId is null)
        {
            error = "no arXiv id in guid, description or link";
            return null;
        }

        // The guid has the version; the link does not, so prefer any candidate that parses with one.
        var parsed = candidates.Select(c => ArxivId.TryParse(c, out var id) ? id : (ArxivId?)null).Where(id => id is not null).ToList();
        if (parsed.Count == 0)
        {
            error = $"\"{rawId.Trim()}\" is not an arXiv identifier";
            return null;
        }

        var arxivId = parsed.FirstOrDefault(id => id!.Value.Version is not null) ?? parsed[0]!.Value;
        var titleRaw = ArxivRssFields.Child(item, None, "title");
        var title = TextCleaner.Clean(titleRaw);
        if (title.Length == 0)
        {
            error = $"item {arxivId}: empty title";
            return null;
        }

        var abstractRaw = parts.Success ? parts.Groups["abstract"].Value : description;
        var paper = new Paper
        {
            Id = arxivId.BaseId,
            ArxivId = arxivId.BaseId,
            Versions = arxivId.Version is { } v ? [new PaperVersion(v, null)] : [],
            Title = title,
            TitleRaw = titleRaw,
            Authors = Authors(ArxivRssFields.Child(item, Dc, "creator")),
            Abstract = TextCleaner.Clean(abstractRaw),
            AbstractRaw = abstractRaw,
            Categories = item.Elements(None + "category").Select(c => c.Value.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
        };
        var announceText = ArxivRssFields.Child(item, Arxiv, "announce_type");
        var announce = Announce(announceText.Length > 0 ? announceText : parts.Groups["type"].Value, arxivId.Version);
        return new ArxivRssItem(ArxivRssFields.Complete(paper), announce);
    }

    // A missing or unknown type is inferred from the version: a first version is new, a later one a replacement.
    private static AnnounceType Announce(string text, int? version) => text.Trim().ToLowerInvariant() switch
    {
        "new" => AnnounceType.New,
        "replace" => AnnounceType.Replace,
        "cross" => AnnounceType.Cross,
        "replace-cross" => AnnounceType.ReplaceCross,
        _ => version is > 1 ? AnnounceType.Replace : AnnounceType.New,
    };

    private static List<string> Authors(string creators) =>
        creators.Split(',', StringSplitOptions.TrimEntries)
            .Select(TextCleaner.CleanAuthorName)
            .Where(name => name.Length > 0)
            .ToList();

    [GeneratedRegex(@"^\s*arXiv:(?<id>\S+)\s+Announce\s+Type:\s*(?<type>[\w-]+)\s*(?:Abstract:\s*)?(?<abstract>.*)$",
        RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DescriptionParts();
}
