using Paperboy.Core.Papers;

namespace Paperboy.Web.Tests;

internal static class TestPapers
{
    public static Paper Arxiv(string id, string title, int? upvotes = null) => new()
    {
        Id = id,
        ArxivId = id,
        Title = title,
        TitleRaw = title,
        Abstract = $"About {title}.",
        AbstractRaw = $"About {title}.",
        Authors = ["Ada Lovelace", "Alan Turing"],
        Categories = ["q-bio.TO"],
        Published = new DateTimeOffset(2024, 1, 15, 0, 0, 0, TimeSpan.Zero),
        Engagement = upvotes is { } count ? new PaperEngagement { Upvotes = count } : null,
    };
}
