using Paperboy.Semantic.Embedding;

namespace Paperboy.Semantic.Vectors;

/// <summary>
/// The directory holds vectors from a different model: mixing them would compare numbers that mean
/// different things, so the writer refuses and the caller must re-embed into a fresh directory.
/// </summary>
public sealed class VectorModelMismatchException : InvalidOperationException
{
    public VectorModelMismatchException(string directory, EmbeddingModel stored, EmbeddingModel requested)
        : base($"vector index: {directory} holds vectors of model {stored.Id} ({stored.Dimensions} dimensions), " +
               $"not {requested.Id} ({requested.Dimensions} dimensions); re-embed into an empty directory")
    {
        Stored = stored;
        Requested = requested;
    }

    public EmbeddingModel Stored { get; }

    public EmbeddingModel Requested { get; }
}
