namespace Paperboy.Semantic.Embedding;

/// <summary>
/// Turns texts into unit-length vectors whose dot product measures closeness of meaning. Every
/// implementation is deterministic: the same model and text give the same vector, so stored vectors
/// stay valid until <see cref="Model"/> changes.
/// </summary>
public interface IEmbedder
{
    /// <summary>What produced the vectors: recorded with them, and a change means re-embedding.</summary>
    EmbeddingModel Model { get; }

    /// <summary>One L2-normalised vector of <see cref="EmbeddingModel.Dimensions"/> floats per text, in order.</summary>
    float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
