using Paperboy.Core.Papers;

namespace Paperboy.Browser.Tests;

/// <summary>Papers a test adds beside the demo corpus, with ids in a range no other test uses.</summary>
internal static class TestPapers
{
    public static Paper Make(string id, string title, int? huggingFaceUpvotes = null, params string[] authors) => new()
    {
        Id = id,
        ArxivId = id,
        Title = title,
        TitleRaw = title,
        Abstract = $"{title}: a paper a browser test made.",
        AbstractRaw = $"{title}: a paper a browser test made.",
        Authors = authors,
        Categories = ["cs.LG"],
        Published = new DateTimeOffset(2024, 5, 20, 0, 0, 0, TimeSpan.Zero),
        Engagement = huggingFaceUpvotes is { } upvotes ? new PaperEngagement { Upvotes = upvotes } : null,
    };
}
