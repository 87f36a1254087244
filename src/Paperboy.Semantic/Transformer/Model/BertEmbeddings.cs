using System.Numerics.Tensors;

namespace Paperboy.Semantic.Transformer.Model;

/// <summary>Token, position and segment embeddings summed, then layer-normalized: BERT's input layer.</summary>
internal sealed class BertEmbeddings(BertConfig config, float[] words, float[] positions, float[] types, LayerNorm norm)
{
    public void Apply(PackedBatch batch, float[] hidden, ParallelOptions parallel)
    {
        Validate(batch);
        var width = config.HiddenSize;
        Parallel.For(0, batch.Count, parallel, text =>
        {
            var tokens = batch.Texts[text];
            for (var position = 0; position < tokens.Length; position++)
            {
                var (id, type) = (tokens.Ids[position], tokens.TypeIds[position]);
                var row = hidden.AsSpan((batch.Starts[text] + position) * width, width);
                TensorPrimitives.Add(words.AsSpan(id * width, width), positions.AsSpan(position * width, width), row);
                TensorPrimitives.Add(row, types.AsSpan(type * width, width), row);
                norm.ApplyInPlace(row);
            }
        });
    }

    /// <summary>Checked before the parallel loop, so a bad input is one clear exception, not an aggregate.</summary>
    private void Validate(PackedBatch batch)
    {
        foreach (var tokens in batch.Texts)
        {
            if (tokens.Length > config.MaxPositions)
                throw new ArgumentException($"bert: a text has {tokens.Length} tokens, more than the model's {config.MaxPositions} positions");
            for (var position = 0; position < tokens.Length; position++)
            {
                var (id, type) = (tokens.Ids[position], tokens.TypeIds[position]);
                if ((uint)id >= (uint)config.VocabularySize || (uint)type >= (uint)config.TypeVocabularySize)
                    throw new ArgumentException($"bert: token id {id} or type {type} is outside the model's vocabulary ({config.VocabularySize}) or types ({config.TypeVocabularySize})");
            }
        }
    }
}
