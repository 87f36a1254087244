using Paperboy.Semantic.Embedding;
using Paperboy.Semantic.Vectors;

namespace Paperboy.Application.Semantic;

/// <summary>
/// Search by meaning: the embedder that made the papers' vectors and the vectors themselves. Null
/// from <see cref="OpenAsync"/> means semantic search is not available yet (no embedder set up, or no
/// paper embedded), and callers rank by keywords alone.
/// </summary>
public sealed class SemanticSearch(EmbedderProvider embedders, PaperEmbeddings embeddings)
{
    public async Task<SemanticIndex?> OpenAsync(CancellationToken cancellationToken)
    {
        // A search never waits for a load or a fit (minutes over millions of papers), nor starts a refit:
        // it uses the embedder in hand, loads one only when none is loading (a fresh CLI process), and
        // otherwise ranks by keywords until the background service has one ready.
        var embedder = embedders.Current ?? (embedders.IsLoading ? null : await embedders.GetAsync(cancellationToken));
        if (embedder is null)
        {
            return null;
        }
        var vectors = embeddings.Snapshot(embedder.Model);
        return vectors is null || vectors.Count == 0 ? null : new SemanticIndex(embedder, vectors);
    }
}

/// <summary>One model's vectors with the embedder that reads queries into the same space.</summary>
public sealed class SemanticIndex(IEmbedder embedder, VectorIndex vectors)
{
    public EmbeddingModel Model => embedder.Model;

    /// <summary>How many papers have vectors.</summary>
    public int Count => vectors.Count;

    /// <summary>The papers closest in meaning to a text, best first; <paramref name="accept"/> filters inside the search.</summary>
    public IReadOnlyList<VectorHit> Rank(string text, int k, Predicate<string>? accept = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text) || k <= 0)
        {
            return [];
        }
        float[] query = embedder.Embed([text])[0];
        return IsZero(query) ? [] : vectors.Search(query, k, new VectorSearchOptions { Accept = accept });
    }

    /// <summary>The papers nearest a paper, without it; null when the paper has no vector (yet).</summary>
    public IReadOnlyList<VectorHit>? Similar(string id, int k, Predicate<string>? accept = null) => LikeThese([id], k, accept);

    /// <summary>
    /// Papers like a set (a library tag): nearest the normalised mean of their vectors, the set itself
    /// left out. Null when none of them has a vector.
    /// </summary>
    public IReadOnlyList<VectorHit>? LikeThese(IReadOnlyCollection<string> ids, int k, Predicate<string>? accept = null)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var centre = new float[Model.Dimensions];
        var vector = new float[Model.Dimensions];
        int found = 0;
        foreach (var id in ids)
        {
            if (vectors.TryGetVector(id, vector))
            {
                System.Numerics.Tensors.TensorPrimitives.Add(centre, vector, centre);
                found++;
            }
        }
        float norm = System.Numerics.Tensors.TensorPrimitives.Norm(centre);
        if (found == 0 || norm == 0)
        {
            return null;
        }
        System.Numerics.Tensors.TensorPrimitives.Divide(centre, norm, centre);
        var exclude = ids.ToHashSet(StringComparer.Ordinal);
        Predicate<string> wanted = accept is null ? key => !exclude.Contains(key) : key => !exclude.Contains(key) && accept(key);
        return vectors.Search(centre, k, new VectorSearchOptions { Accept = wanted });
    }

    private static bool IsZero(float[] vector) => Array.TrueForAll(vector, v => v == 0);
}
