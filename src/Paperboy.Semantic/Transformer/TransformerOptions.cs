namespace Paperboy.Semantic.Transformer;

/// <summary>How to run a BERT sentence encoder. Every setting that changes the vectors is part of the model id.</summary>
public sealed record TransformerOptions
{
    /// <summary>Null: as the folder's 1_Pooling/config.json says (mean when it has none).</summary>
    public PoolingMode? Pooling { get; init; }

    /// <summary>L2-normalize the pooled vector. On by default: <see cref="Embedding.IEmbedder"/> promises unit vectors.</summary>
    public bool Normalize { get; init; } = true;

    /// <summary>
    /// Tokens per text, [CLS] and [SEP] included; longer texts are cut at the end. Null: the folder's
    /// sentence_bert_config.json max_seq_length (256 for all-MiniLM-L6-v2), else min(512, max_position_embeddings).
    /// </summary>
    public int? MaxTokens { get; init; }

    /// <summary>Store the linear layers' weights as int8 with a scale per output row: a quarter of the memory, vectors within ~1% cosine.</summary>
    public bool Int8Weights { get; init; }

    /// <summary>
    /// Texts per forward pass. Work is split into tiles within a batch, so a small batch already keeps
    /// every core busy; the scratch memory is about 14 KB per token for MiniLM (16 abstracts: ~50 MB).
    /// </summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>-1 for all cores.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
