using Paperboy.Core.Ids;
using Paperboy.Core.Papers;

namespace Paperboy.Storage.Tests;

/// <summary>Builders for test papers: an arXiv paper at some version, or a paper known by title only.</summary>
internal static class Papers
{
    public static Paper Arxiv(string id, string title, int version = 1, string? abstractText = null, string source = "kaggle-snapshot") => new()
    {
        Id = id,
        ArxivId = id,
        Title = title,
        TitleRaw = title,
        Abstract = abstractText ?? $"Abstract of {title} at v{version}.",
        AbstractRaw = abstractText ?? $"Abstract of {title} at v{version}.",
        Authors = ["Ada Lovelace", "Alan Turing"],
        Categories = ["cs.LG", "stat.ML"],
        Versions = Enumerable.Range(1, version).Select(v => new PaperVersion(v, new DateTimeOffset(2024, 1, v, 0, 0, 0, TimeSpan.Zero))).ToList(),
        Published = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
        FieldSources = new Dictionary<string, string> { ["title"] = source, ["abstract"] = source },
    };

    public static Paper TitleOnly(string title, string abstractText = "An abstract from a saved page.") => new()
    {
        Id = TitleKey.IdFor(title),
        Title = title,
        TitleRaw = title,
        Abstract = abstractText,
        AbstractRaw = abstractText,
        FieldSources = new Dictionary<string, string> { ["title"] = "saved-page", ["abstract"] = "saved-page" },
    };
}
