using System.Numerics.Tensors;

namespace Paperboy.Semantic.Transformer.Model;

/// <summary>Layer normalization (Ba et al. 2016) of each row: zero mean, unit variance, then scale and shift.</summary>
internal sealed class LayerNorm(float[] weight, float[] bias, float epsilon)
{
    public void ApplyInPlace(Span<float> row)
    {
        var n = row.Length;
        var mean = TensorPrimitives.Sum(row) / n;
        TensorPrimitives.Subtract(row, mean, row);
        // The biased variance, as PyTorch's LayerNorm uses.
        var variance = TensorPrimitives.SumOfSquares(row) / n;
        TensorPrimitives.Multiply(row, 1f / MathF.Sqrt(variance + epsilon), row);
        TensorPrimitives.MultiplyAdd(row, weight, bias, row);
    }

    public void ApplyToRows(float[] rows, int rowCount, ParallelOptions parallel)
    {
        var width = weight.Length;
        Parallel.For(0, rowCount, parallel, r => ApplyInPlace(rows.AsSpan(r * width, width)));
    }
}
