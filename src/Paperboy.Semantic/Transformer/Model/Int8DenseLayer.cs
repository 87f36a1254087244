using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace Paperboy.Semantic.Transformer.Model;

/// <summary>
/// A linear layer with weights stored as int8, one symmetric scale per output row (max |w| / 127).
/// A quarter of the memory of float32. Each weight row is widened back to float once per tile and then
/// used for every token row of the tile, so the conversion costs a sixteenth of the multiplications;
/// the arithmetic is then float32's, so int8 saves memory, not time.
/// </summary>
internal sealed class Int8DenseLayer : IDenseLayer
{
    private readonly sbyte[] _weight;
    private readonly float[] _scales;
    private readonly float[] _bias;

    [ThreadStatic] private static float[]? s_rows;

    public Int8DenseLayer(float[] weight, float[] bias, int outputs, int inputs)
    {
        Outputs = outputs;
        Inputs = inputs;
        _bias = bias;
        (_weight, _scales) = Quantize(weight, outputs, inputs);
    }

    public int Inputs { get; }

    public int Outputs { get; }

    internal static (sbyte[] Weight, float[] Scales) Quantize(float[] weight, int outputs, int inputs)
    {
        var quantized = new sbyte[weight.Length];
        var scales = new float[outputs];
        for (var o = 0; o < outputs; o++)
        {
            var row = weight.AsSpan(o * inputs, inputs);
            // MaxMagnitude returns the signed value of largest magnitude.
            var maxAbs = MathF.Abs(TensorPrimitives.MaxMagnitude(row));
            var scale = maxAbs > 0 ? maxAbs / 127f : 1f;
            scales[o] = scale;
            for (var i = 0; i < inputs; i++)
                quantized[o * inputs + i] = (sbyte)Math.Clamp(MathF.Round(row[i] / scale), -127, 127);
        }
        return (quantized, scales);
    }

    public void Apply(float[] input, float[] output, int rows, ParallelOptions parallel)
    {
        var (inputs, outputs) = (Inputs, Outputs);
        DenseTiles.ForEach(rows, outputs, parallel, (tokenStart, tokenEnd, weightStart, weightEnd) =>
        {
            var rows = s_rows is { } cached && cached.Length >= 2 * inputs ? cached : s_rows = new float[2 * inputs];
            Span<float> dots = stackalloc float[2 * DenseTiles.TokenRows];
            var tokens = input.AsSpan(tokenStart * inputs, (tokenEnd - tokenStart) * inputs);
            for (var o = weightStart; o < weightEnd; o += 2)
            {
                var pair = o + 1 < weightEnd;
                var w0 = rows.AsSpan(0, inputs);
                var w1 = pair ? rows.AsSpan(inputs, inputs) : default;
                Widen(_weight.AsSpan(o * inputs, inputs), w0);
                if (pair)
                    Widen(_weight.AsSpan((o + 1) * inputs, inputs), w1);
                DotKernel.TwoWeightRows(tokens, tokenEnd - tokenStart, inputs, w0, w1, dots);
                for (var t = tokenStart; t < tokenEnd; t++)
                {
                    output[t * outputs + o] = dots[2 * (t - tokenStart)] * _scales[o] + _bias[o];
                    if (pair)
                        output[t * outputs + o + 1] = dots[2 * (t - tokenStart) + 1] * _scales[o + 1] + _bias[o + 1];
                }
            }
        });
    }

    /// <summary>int8 to float32, sixteen at a time (sbyte → short → int → float).</summary>
    internal static void Widen(ReadOnlySpan<sbyte> source, Span<float> destination)
    {
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            for (; i + 16 <= source.Length; i += 16)
            {
                var (low, high) = Vector128.Widen(Vector128.Create(source.Slice(i, 16)));
                var (a, b) = Vector128.Widen(low);
                var (c, d) = Vector128.Widen(high);
                Vector128.ConvertToSingle(a).CopyTo(destination[i..]);
                Vector128.ConvertToSingle(b).CopyTo(destination[(i + 4)..]);
                Vector128.ConvertToSingle(c).CopyTo(destination[(i + 8)..]);
                Vector128.ConvertToSingle(d).CopyTo(destination[(i + 12)..]);
            }
        }
        for (; i < source.Length; i++)
            destination[i] = source[i];
    }
}
