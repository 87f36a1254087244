namespace Paperboy.Semantic.Vectors;

/// <summary>One search result: the key and its float32 dot product with the query (cosine, as vectors are unit length).</summary>
public sealed record VectorHit(string Key, float Score);
