namespace Paperboy.Semantic.Vectors;

/// <summary>How one search runs. The defaults suit a plain top-k query.</summary>
public sealed class VectorSearchOptions
{
    /// <summary>
    /// A filter (category, date) applied inside the search, so k accepted hits come back whenever k
    /// exist, rather than k hits of which the caller drops some.
    /// </summary>
    public Predicate<string>? Accept { get; init; }

    /// <summary>Scan every vector (int8 codes, float32 rescoring) even where a segment has an HNSW graph.</summary>
    public bool Exact { get; init; }

    /// <summary>HNSW's beam width (efSearch); null means <see cref="VectorIndexOptions.EfSearch"/>. Wider is slower and finds more.</summary>
    public int? Ef { get; init; }
}
