using Paperboy.Semantic.Transformer.Safetensors;
using Paperboy.Semantic.Transformer.Tokenization;

namespace Paperboy.Semantic.Transformer.Model;

/// <summary>
/// A BERT encoder (Devlin et al. 2019) in float32: embeddings, then the layers, giving the last hidden
/// state of every token. Weights live in managed arrays; the forward pass is thread-safe.
/// </summary>
internal sealed class BertEncoder
{
    private readonly BertEmbeddings _embeddings;
    private readonly BertLayer[] _layers;

    private BertEncoder(BertConfig config, BertEmbeddings embeddings, BertLayer[] layers)
    {
        Config = config;
        _embeddings = embeddings;
        _layers = layers;
    }

    public BertConfig Config { get; }

    public static BertEncoder Read(SafetensorsFile file, BertConfig config, bool int8Weights)
    {
        var reader = new BertWeightReader(file);
        var h = config.HiddenSize;
        var embeddings = new BertEmbeddings(
            config,
            reader.Read("embeddings.word_embeddings.weight", config.VocabularySize, h),
            reader.Read("embeddings.position_embeddings.weight", config.MaxPositions, h),
            reader.Read("embeddings.token_type_embeddings.weight", config.TypeVocabularySize, h),
            reader.ReadLayerNorm("embeddings.LayerNorm", h, config.LayerNormEpsilon));
        var layers = Enumerable.Range(0, config.LayerCount)
            .Select(i => BertLayer.Read(reader, config, i, int8Weights))
            .ToArray();
        return new BertEncoder(config, embeddings, layers);
    }

    /// <summary>The last hidden state, <see cref="PackedBatch.Rows"/> × hidden_size, texts end to end.</summary>
    public float[] Forward(PackedBatch batch, ParallelOptions parallel)
    {
        var hidden = new float[batch.Rows * Config.HiddenSize];
        if (batch.Rows == 0)
            return hidden;
        _embeddings.Apply(batch, hidden, parallel);
        var scratch = new LayerScratch(Config, batch.Rows);
        foreach (var layer in _layers)
        {
            parallel.CancellationToken.ThrowIfCancellationRequested();
            layer.Apply(batch, hidden, scratch, parallel);
        }
        return hidden;
    }

    public float[] Forward(IReadOnlyList<TokenizedText> texts, ParallelOptions parallel) => Forward(new PackedBatch(texts), parallel);
}
