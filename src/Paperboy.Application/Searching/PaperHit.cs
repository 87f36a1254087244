using Paperboy.Core.Papers;
using Paperboy.Search;

namespace Paperboy.Application.Searching;

/// <summary>A matched paper with its score and the title and abstract snippets to show, matches marked.</summary>
public sealed record PaperHit(Paper Paper, float Score, Snippet Title, Snippet Abstract)
{
    /// <summary>Why the paper is here: by its words, its meaning, or both (hybrid search).</summary>
    public SearchMatch Match { get; init; } = SearchMatch.Words;
}
