using System.Numerics.Tensors;

namespace Paperboy.Semantic.Transformer.Model;

/// <summary>
/// The feed-forward nonlinearities, vectorized in chunks. .NET has no erf, so exact GELU uses
/// Abramowitz and Stegun 7.1.26 (|error| &lt; 1.5e-7, below float32's resolution near 1).
/// </summary>
internal static class Activations
{
    private const int Chunk = 256;
    private const float P = 0.3275911f;
    private const float A1 = 0.254829592f;
    private const float A2 = -0.284496736f;
    private const float A3 = 1.421413741f;
    private const float A4 = -1.453152027f;
    private const float A5 = 1.061405429f;
    private const float InverseSqrt2 = 0.70710678118654752f;
    private const float Sqrt2OverPi = 0.79788456080286536f;

    public static void Apply(BertActivation activation, Span<float> values)
    {
        switch (activation)
        {
            case BertActivation.Gelu:
                Gelu(values);
                break;
            case BertActivation.GeluTanh:
                GeluTanh(values);
                break;
            default:
                TensorPrimitives.Max(values, 0f, values);
                break;
        }
    }

    /// <summary>x·Φ(x) = ½(x + |x|·erf(|x|/√2)), which needs erf only for non-negative arguments.</summary>
    private static void Gelu(Span<float> values)
    {
        Span<float> a = stackalloc float[Chunk];
        Span<float> t = stackalloc float[Chunk];
        Span<float> poly = stackalloc float[Chunk];
        for (var start = 0; start < values.Length; start += Chunk)
        {
            var x = values.Slice(start, Math.Min(Chunk, values.Length - start));
            var n = x.Length;
            var ax = a[..n];
            var tx = t[..n];
            var px = poly[..n];
            TensorPrimitives.Abs(x, ax);
            TensorPrimitives.Multiply(ax, InverseSqrt2, ax);
            // t = 1 / (1 + p·a); erf(a) = 1 - t(a1 + t(a2 + t(a3 + t(a4 + t·a5))))·exp(-a²)
            TensorPrimitives.Multiply(ax, P, tx);
            TensorPrimitives.Add(tx, 1f, tx);
            TensorPrimitives.Reciprocal(tx, tx);
            TensorPrimitives.Multiply(tx, A5, px);
            TensorPrimitives.Add(px, A4, px);
            TensorPrimitives.MultiplyAdd(px, tx, A3, px);
            TensorPrimitives.MultiplyAdd(px, tx, A2, px);
            TensorPrimitives.MultiplyAdd(px, tx, A1, px);
            TensorPrimitives.Multiply(px, tx, px);
            TensorPrimitives.Multiply(ax, ax, tx);
            TensorPrimitives.Negate(tx, tx);
            TensorPrimitives.Exp(tx, tx);
            TensorPrimitives.Multiply(px, tx, px);
            TensorPrimitives.Subtract(1f, px, px);
            // ½(x + |x|·erf): |x| = a·√2.
            TensorPrimitives.Abs(x, ax);
            TensorPrimitives.MultiplyAdd(ax, px, x, x);
            TensorPrimitives.Multiply(x, 0.5f, x);
        }
    }

    /// <summary>½x(1 + tanh(√(2/π)(x + 0.044715x³))), the approximation GPT-2 era models were trained with.</summary>
    private static void GeluTanh(Span<float> values)
    {
        Span<float> inner = stackalloc float[Chunk];
        for (var start = 0; start < values.Length; start += Chunk)
        {
            var x = values.Slice(start, Math.Min(Chunk, values.Length - start));
            var u = inner[..x.Length];
            TensorPrimitives.Multiply(x, x, u);
            TensorPrimitives.Multiply(u, 0.044715f, u);
            TensorPrimitives.Add(u, 1f, u);
            TensorPrimitives.Multiply(u, x, u);
            TensorPrimitives.Multiply(u, Sqrt2OverPi, u);
            TensorPrimitives.Tanh(u, u);
            TensorPrimitives.Add(u, 1f, u);
            TensorPrimitives.Multiply(u, x, x);
            TensorPrimitives.Multiply(x, 0.5f, x);
        }
    }
}
