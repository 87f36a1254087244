using System.Numerics.Tensors;

namespace Paperboy.Semantic.Transformer.Model;

/// <summary>
/// A linear layer with weights stored as int8, one symmetric scale per output row (max |w| / 127).
/// A quarter of the memory of float32. Each weight row is widened back to float once per tile and then
/// used for every token row of the tile, so the conversion costs a sixteenth of the multiplications.
/// </summary>
internal sealed class Int8DenseLayer : IDenseLayer
{
    private readonly sbyte[] _weight;
    private readonly float[] _scales;
    private readonly float[] _bias;

    [ThreadStatic] private static float[]? s_row;

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
            var row = s_row is { } cached && cached.Length >= inputs ? cached : s_row = new float[inputs];
            var weightRow = row.AsSpan(0, inputs);
            for (var o = weightStart; o < weightEnd; o++)
            {
                TensorPrimitives.ConvertChecked<sbyte, float>(_weight.AsSpan(o * inputs, inputs), weightRow);
                var (scale, bias) = (_scales[o], _bias[o]);
                for (var t = tokenStart; t < tokenEnd; t++)
                    output[t * outputs + o] = TensorPrimitives.Dot(input.AsSpan(t * inputs, inputs), weightRow) * scale + bias;
            }
        });
    }
}
