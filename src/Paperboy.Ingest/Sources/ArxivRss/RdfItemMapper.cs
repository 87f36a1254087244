using System.Text.RegularExpressions;
using System.Xml.Linq;
using Paperboy.Core.Ids;
using Paperboy.Core.Papers;
using Paperboy.Core.Text;

namespace Paperboy.Ingest.Sources.ArxivRss;

/// <summary>
/// Maps an item of the old (pre-2024) RSS 1.0 feed. That format carries id, version and primary category only
/// inside the title, "Title. (arXiv:1808.09955v1 [astro-ph.IM])", with " UPDATED" before the ")" for a new version;
/// no dates per item (the channel's dc:date is the announcement date).
/// </summary>
internal static partial class RdfItemMapper
{
    private static readonly XNamespace Rss = FeedNames.Rss1;
    private static readonly XNamespace Dc = FeedNames.DublinCore;

    /// <returns>The item, or null with <paramref name="error"/> set.</returns>
    public static ArxivRssItem? Map(XElement item, ArxivRssChannel channel, out string? error)
    {
        error = null;
        var titleRaw = ArxivRssFields.Child(item, Rss, "title");
        var marker = TitleMarker().Match(titleRaw);
        if (!marker.Success)
        {
            error = $"title \"{Shorten(titleRaw)}\" lacks the \"(arXiv:ID [category])\" marker";
            return null;
        }

        var rawId = marker.Groups["id"].Value;
        if (!ArxivId.TryParse(rawId, out var id))
        {
            error = $"\"{rawId}\" in the title is not an arXiv identifier";
            return null;
        }

        // The feed appends ". " to the title before the marker.
        var title = TextCleaner.Clean(marker.Groups["title"].Value);
        title = title.EndsWith('.') ? title[..^1].TrimEnd() : title;
        if (title.Length == 0)
        {
            error = $"item {id}: empty title";
            return null;
        }

        var category = marker.Groups["category"].Value.Trim();
        var updated = marker.Groups["updated"].Success;
        var cross = channel.IsCrossList(category);
        var description = ArxivRssFields.Child(item, Rss, "description");
        var paper = new Paper
        {
            Id = id.BaseId,
            ArxivId = id.BaseId,
            Versions = id.Version is { } v ? [new PaperVersion(v, null)] : [],
            Title = title,
            TitleRaw = titleRaw,
            Authors = FeedHtml.AuthorNames(ArxivRssFields.Child(item, Dc, "creator")),
            Abstract = FeedHtml.ToText(description),
            AbstractRaw = description,
            Categories = [category],
        };
        var announce = (updated, cross) switch
        {
            (false, false) => AnnounceType.New,
            (true, false) => AnnounceType.Replace,
            (false, true) => AnnounceType.Cross,
            (true, true) => AnnounceType.ReplaceCross,
        };
        return new ArxivRssItem(ArxivRssFields.Complete(paper), announce);
    }

    private static string Shorten(string text)
    {
        var clean = TextCleaner.Clean(text);
        return clean.Length <= 80 ? clean : clean[..77] + "...";
    }

    [GeneratedRegex(@"^(?<title>.*?)\s*\(arXiv:(?<id>[^\s\[\]()]+)\s*\[(?<category>[^\]]+)\]\s*(?<updated>UPDATED)?\s*\)\s*$",
        RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex TitleMarker();
}
