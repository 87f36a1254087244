namespace Paperboy.Search;

/// <summary>
/// One paper to index. <paramref name="Key"/> is the caller's opaque id; adding a second document
/// with the same key replaces the first.
/// </summary>
public sealed record SearchDocument(
    string Key,
    string Title,
    string Abstract,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> Categories,
    int? Year);
