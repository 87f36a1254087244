using System.Numerics.Tensors;

namespace Paperboy.Semantic.Transformer.Model;

/// <summary>
/// A float32 linear layer. Each output is one dot product of a token row with a weight row; both are
/// contiguous in the [out, in] layout, which is what TensorPrimitives.Dot wants.
/// </summary>
internal sealed class DenseLayer : IDenseLayer
{
    private readonly float[] _weight;
    private readonly float[] _bias;

    public DenseLayer(float[] weight, float[] bias, int outputs, int inputs)
    {
        _weight = weight;
        _bias = bias;
        Outputs = outputs;
        Inputs = inputs;
    }

    public int Inputs { get; }

    public int Outputs { get; }

    public void Apply(float[] input, float[] output, int rows, ParallelOptions parallel)
    {
        var (inputs, outputs) = (Inputs, Outputs);
        DenseTiles.ForEach(rows, outputs, parallel, (tokenStart, tokenEnd, weightStart, weightEnd) =>
        {
            for (var o = weightStart; o < weightEnd; o++)
            {
                var weightRow = _weight.AsSpan(o * inputs, inputs);
                var bias = _bias[o];
                for (var t = tokenStart; t < tokenEnd; t++)
                    output[t * outputs + o] = TensorPrimitives.Dot(input.AsSpan(t * inputs, inputs), weightRow) + bias;
            }
        });
    }
}
