using System.Numerics.Tensors;

namespace Paperboy.Semantic.Transformer.Model;

/// <summary>
/// Multi-head scaled dot-product attention (Vaswani et al. 2017) over already projected queries, keys
/// and values, each text attending only to its own tokens. One task per (text, head).
/// </summary>
internal static class SelfAttention
{
    [ThreadStatic] private static float[]? s_scores;
    [ThreadStatic] private static float[]? s_valuesByColumn;

    public static void Apply(PackedBatch batch, BertConfig config, float[] queries, float[] keys, float[] values, float[] context, ParallelOptions parallel)
    {
        var (width, heads, headSize) = (config.HiddenSize, config.HeadCount, config.HeadSize);
        var scale = 1f / MathF.Sqrt(headSize);
        Parallel.For(0, batch.Count * heads, parallel, task =>
        {
            var (text, head) = (task / heads, task % heads);
            var (start, length) = (batch.Starts[text], batch.Length(text));
            var column = head * headSize;
            var scores = Rent(ref s_scores, length);
            // Values transposed to [headSize, length], so each output is one contiguous dot product.
            var valuesByColumn = Rent(ref s_valuesByColumn, headSize * length);
            for (var j = 0; j < length; j++)
            {
                for (var c = 0; c < headSize; c++)
                    valuesByColumn[c * length + j] = values[(start + j) * width + column + c];
            }
            for (var i = 0; i < length; i++)
            {
                var query = queries.AsSpan((start + i) * width + column, headSize);
                for (var j = 0; j < length; j++)
                    scores[j] = TensorPrimitives.Dot(query, keys.AsSpan((start + j) * width + column, headSize)) * scale;
                var weights = scores.AsSpan(0, length);
                TensorPrimitives.SoftMax(weights, weights);
                for (var c = 0; c < headSize; c++)
                    context[(start + i) * width + column + c] = TensorPrimitives.Dot(weights, valuesByColumn.AsSpan(c * length, length));
            }
        });
    }

    private static float[] Rent(ref float[]? buffer, int length) =>
        buffer is { } cached && cached.Length >= length ? cached : buffer = new float[Math.Max(length, 1024)];
}
