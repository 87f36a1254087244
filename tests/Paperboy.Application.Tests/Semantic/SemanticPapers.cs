using Paperboy.Core.Papers;

namespace Paperboy.Application.Tests.Semantic;

/// <summary>Twelve papers, three per topic of <see cref="Paperboy.Testing.TopicWordVectors"/>, none using the words the tests' plain-language queries use.</summary>
internal static class SemanticPapers
{
    public static IReadOnlyList<Paper> All { get; } =
        [.. Paperboy.Testing.TopicWordVectors.Papers.Select(p => Paper(p.Id, p.Title, p.Abstract, p.Category))];

    public static Paper Paper(string id, string title, string abs, string category) => new()
    {
        Id = id,
        ArxivId = id,
        Title = title,
        TitleRaw = title,
        Abstract = abs,
        AbstractRaw = abs,
        Categories = [category],
        Published = new DateTimeOffset(2024, 1, 10, 0, 0, 0, TimeSpan.Zero),
    };
}
