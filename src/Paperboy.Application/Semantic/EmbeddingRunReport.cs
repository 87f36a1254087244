using Paperboy.Semantic.Embedding;

namespace Paperboy.Application.Semantic;

/// <summary>What one embedding run did.</summary>
public sealed record EmbeddingRunReport(EmbeddingModel Model, int Embedded, int Removed, int Total, TimeSpan Elapsed);
