namespace Paperboy.Search;

/// <summary>
/// A matching document: the caller's key, its BM25F score (0 for filter-only queries) and
/// highlighted title and abstract.
/// </summary>
public sealed record SearchHit(string Key, float Score, Snippet Title, Snippet Abstract);
