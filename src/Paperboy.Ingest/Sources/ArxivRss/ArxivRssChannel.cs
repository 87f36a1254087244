using System.Text.RegularExpressions;

namespace Paperboy.Ingest.Sources.ArxivRss;

/// <summary>What the channel says about the listing, gathered as the feed is read (it precedes the items in both formats).</summary>
internal sealed partial class ArxivRssChannel
{
    public bool IsRdf { get; set; }
    public string? Name { get; private set; }
    public DateTimeOffset? Date { get; private set; }

    /// <summary>Takes a child of the channel element: title and link name the feed, dc:date (RSS 1.0) or pubDate (RSS 2.0) date it.</summary>
    public void Apply(string localName, string ns, string value)
    {
        switch (localName)
        {
            case "title" when TitleName().Match(value) is { Success: true } match:
                Name = match.Groups["name"].Value;
                break;
            case "link" when Name is null && LinkName().Match(value.Trim()) is { Success: true } match:
                Name = match.Groups["name"].Value;
                break;
            // rss_specifications: the channel pubDate is the "announcement date for the content in the channel".
            case "date" when ns == FeedNames.DublinCore:
            case "pubDate" when ns.Length == 0:
                Date ??= FeedDates.Parse(value);
                break;
        }
    }

    /// <summary>
    /// True when <paramref name="category"/> is outside every category the feed is for: "stat.ML" in the "cs" feed.
    /// A feed names an archive ("cs", all its subject classes) or subject classes joined by "+".
    /// Without a channel name nothing can be called a cross-list.
    /// </summary>
    public bool IsCrossList(string category)
    {
        if (Name is null)
        {
            return false;
        }

        foreach (var part in Name.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (category.Equals(part, StringComparison.OrdinalIgnoreCase) ||
                category.StartsWith(part + ".", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    // "cs updates on arXiv.org", "math.OC updates on arXiv.org".
    [GeneratedRegex(@"^\s*(?<name>[A-Za-z][\w.+-]*)\s+updates\s+on\s+arXiv", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitleName();

    // "http://rss.arxiv.org/rss/math.OC", "http://export.arxiv.org/rss/cs".
    [GeneratedRegex(@"arxiv\.org/(?:rss|atom)/(?<name>[A-Za-z][\w.+-]*)/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkName();
}
