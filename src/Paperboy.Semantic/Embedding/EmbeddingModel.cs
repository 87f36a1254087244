namespace Paperboy.Semantic.Embedding;

/// <summary>
/// Names the model behind a set of vectors. <see cref="Id"/> is stable and specific (kind, name and a
/// fingerprint of the weights and settings), so two vectors are comparable exactly when their ids match.
/// </summary>
public sealed record EmbeddingModel(string Id, int Dimensions, string Description);
