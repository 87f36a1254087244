using System.Text.Json.Serialization;

namespace Paperboy.Application.Evaluation;

/// <summary>One line of a test collection's docs.jsonl: {id, title, authors, text}.</summary>
public sealed record CollectionDocument(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("authors")] string? Authors,
    [property: JsonPropertyName("text")] string? Text);
