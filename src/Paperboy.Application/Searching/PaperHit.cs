using Paperboy.Core.Papers;
using Paperboy.Search;

namespace Paperboy.Application.Searching;

/// <summary>A matched paper with its score and the title and abstract snippets to show, matches marked.</summary>
public sealed record PaperHit(Paper Paper, float Score, Snippet Title, Snippet Abstract);
