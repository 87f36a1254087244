namespace Paperboy.Semantic.Vectors.Hnsw;

/// <summary>Whether a node may be a result (live, and accepted by the caller's filter). Rejected nodes are still walked through.</summary>
internal delegate bool NodeFilter(int node);
