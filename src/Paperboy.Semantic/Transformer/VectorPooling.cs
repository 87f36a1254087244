using System.Numerics.Tensors;
using Paperboy.Semantic.Transformer.Model;

namespace Paperboy.Semantic.Transformer;

/// <summary>One vector per text from the packed hidden states.</summary>
internal static class VectorPooling
{
    public static float[] Pool(PackedBatch batch, float[] hidden, int width, int text, PoolingMode mode, bool normalize)
    {
        var vector = new float[width];
        var start = batch.Starts[text];
        if (mode == PoolingMode.Cls)
        {
            hidden.AsSpan(start * width, width).CopyTo(vector);
        }
        else
        {
            // Every packed row is a real token, so the masked mean is the plain mean of the text's rows.
            var length = batch.Length(text);
            for (var row = 0; row < length; row++)
                TensorPrimitives.Add(vector, hidden.AsSpan((start + row) * width, width), vector);
            TensorPrimitives.Divide(vector, Math.Max(1, length), vector);
        }
        if (normalize)
        {
            // sentence-transformers' Normalize divides by max(norm, 1e-12).
            var norm = TensorPrimitives.Norm(vector);
            TensorPrimitives.Divide(vector, MathF.Max(norm, 1e-12f), vector);
        }
        return vector;
    }
}
