namespace Paperboy.Search;

/// <summary>
/// One paper to index. <paramref name="Key"/> is the caller's opaque id; adding a second document
/// with the same key replaces the first. <paramref name="Date"/> and <paramref name="Upvotes"/> are
/// per-document values for sorting (newest first, most upvoted first); they are not searched.
/// </summary>
public sealed record SearchDocument(
    string Key,
    string Title,
    string Abstract,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> Categories,
    int? Year,
    DateOnly? Date = null,
    int Upvotes = 0);
