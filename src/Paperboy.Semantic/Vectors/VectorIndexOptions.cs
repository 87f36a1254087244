namespace Paperboy.Semantic.Vectors;

/// <summary>
/// The tuning of a vector index. The defaults are the measured ones (docs/PERFORMANCE.md, "Vector
/// index"); tests lower the thresholds to exercise graphs and merges on small data.
/// </summary>
public sealed record VectorIndexOptions
{
    public static readonly VectorIndexOptions Default = new();

    /// <summary>Segments with at least this many vectors get an HNSW graph; smaller ones are scanned.</summary>
    public int GraphThreshold { get; init; } = 20_000;

    /// <summary>
    /// HNSW's M: links per node on upper layers (twice as many on layer 0). Malkov and Yashunin
    /// (2018, arXiv:1603.09320) find 5-48 good; 16 is their and hnswlib's default for mid-size dimensions.
    /// </summary>
    public int M { get; init; } = 16;

    /// <summary>The beam width while building (efConstruction); hnswlib's and Lucene's usual 200 (Lucene: 100).</summary>
    public int EfConstruction { get; init; } = 200;

    /// <summary>The beam width while searching when the query does not say.</summary>
    public int EfSearch { get; init; } = 100;

    /// <summary>The exact scan keeps k times this many int8 candidates for float32 rescoring.</summary>
    public int Oversample { get; init; } = 4;

    /// <summary>A commit that leaves more segments than this merges the smaller half into one.</summary>
    public int MaxSegments { get; init; } = 8;

    /// <summary>Seeds HNSW's level draws, so the same vectors in the same order build the same graph.</summary>
    public int Seed { get; init; } = 42;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(GraphThreshold, 2, nameof(GraphThreshold));
        ArgumentOutOfRangeException.ThrowIfLessThan(M, 2, nameof(M));
        ArgumentOutOfRangeException.ThrowIfLessThan(EfConstruction, M, nameof(EfConstruction));
        ArgumentOutOfRangeException.ThrowIfLessThan(EfSearch, 1, nameof(EfSearch));
        ArgumentOutOfRangeException.ThrowIfLessThan(Oversample, 1, nameof(Oversample));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSegments, 2, nameof(MaxSegments));
    }
}
