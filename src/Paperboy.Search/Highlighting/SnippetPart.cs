namespace Paperboy.Search;

/// <summary>A run of plain text; <see cref="IsMatch"/> marks a word that matched the query. Never HTML.</summary>
public sealed record SnippetPart(string Text, bool IsMatch);
