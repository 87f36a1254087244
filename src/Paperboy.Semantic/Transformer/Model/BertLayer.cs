using System.Numerics.Tensors;

namespace Paperboy.Semantic.Transformer.Model;

/// <summary>
/// One post-norm transformer block as BERT has it: attention, add and norm, feed-forward, add and norm.
/// </summary>
internal sealed class BertLayer(
    BertConfig config,
    IDenseLayer query,
    IDenseLayer key,
    IDenseLayer value,
    IDenseLayer attentionOutput,
    LayerNorm attentionNorm,
    IDenseLayer intermediate,
    IDenseLayer output,
    LayerNorm outputNorm)
{
    public static BertLayer Read(BertWeightReader reader, BertConfig config, int index, bool int8)
    {
        var (h, m) = (config.HiddenSize, config.IntermediateSize);
        var p = $"encoder.layer.{index}";
        return new BertLayer(
            config,
            reader.ReadDense($"{p}.attention.self.query", h, h, int8),
            reader.ReadDense($"{p}.attention.self.key", h, h, int8),
            reader.ReadDense($"{p}.attention.self.value", h, h, int8),
            reader.ReadDense($"{p}.attention.output.dense", h, h, int8),
            reader.ReadLayerNorm($"{p}.attention.output.LayerNorm", h, config.LayerNormEpsilon),
            reader.ReadDense($"{p}.intermediate.dense", m, h, int8),
            reader.ReadDense($"{p}.output.dense", h, m, int8),
            reader.ReadLayerNorm($"{p}.output.LayerNorm", h, config.LayerNormEpsilon));
    }

    /// <summary>Transforms <paramref name="hidden"/> in place; <paramref name="scratch"/> holds the intermediate buffers.</summary>
    public void Apply(PackedBatch batch, float[] hidden, LayerScratch scratch, ParallelOptions parallel)
    {
        var rows = batch.Rows;
        query.Apply(hidden, scratch.Queries, rows, parallel);
        key.Apply(hidden, scratch.Keys, rows, parallel);
        value.Apply(hidden, scratch.Values, rows, parallel);
        SelfAttention.Apply(batch, config, scratch.Queries, scratch.Keys, scratch.Values, scratch.Context, parallel);

        attentionOutput.Apply(scratch.Context, scratch.Queries, rows, parallel);
        AddAndNormalize(scratch.Queries, hidden, attentionNorm, rows, parallel);

        intermediate.Apply(hidden, scratch.Intermediate, rows, parallel);
        var m = config.IntermediateSize;
        Parallel.For(0, rows, parallel, r => Activations.Apply(config.Activation, scratch.Intermediate.AsSpan(r * m, m)));
        output.Apply(scratch.Intermediate, scratch.Queries, rows, parallel);
        AddAndNormalize(scratch.Queries, hidden, outputNorm, rows, parallel);
    }

    /// <summary>hidden = LayerNorm(sublayer + hidden), the residual connection.</summary>
    private void AddAndNormalize(float[] sublayer, float[] hidden, LayerNorm norm, int rows, ParallelOptions parallel)
    {
        var width = config.HiddenSize;
        Parallel.For(0, rows, parallel, r =>
        {
            var row = hidden.AsSpan(r * width, width);
            TensorPrimitives.Add(sublayer.AsSpan(r * width, width), row, row);
            norm.ApplyInPlace(row);
        });
    }
}
