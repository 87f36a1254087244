namespace Paperboy.Semantic.Transformer;

/// <summary>How a text's token vectors become one vector (sentence-transformers' Pooling module).</summary>
public enum PoolingMode
{
    /// <summary>The average of the text's token vectors, padding excluded (all-MiniLM-L6-v2, most sentence-transformers).</summary>
    Mean,

    /// <summary>The [CLS] token's vector (the BGE and E5-style models).</summary>
    Cls,
}
