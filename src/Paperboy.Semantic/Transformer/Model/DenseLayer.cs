namespace Paperboy.Semantic.Transformer.Model;

/// <summary>
/// A float32 linear layer. Each output is one dot product of a token row with a weight row; both are
/// contiguous in the [out, in] layout, so no transpose is needed. Weight rows go two at a time
/// through <see cref="DotKernel"/>.
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
            Span<float> dots = stackalloc float[2 * DenseTiles.TokenRows];
            var tokens = input.AsSpan(tokenStart * inputs, (tokenEnd - tokenStart) * inputs);
            for (var o = weightStart; o < weightEnd; o += 2)
            {
                var pair = o + 1 < weightEnd;
                DotKernel.TwoWeightRows(tokens, tokenEnd - tokenStart, inputs,
                    _weight.AsSpan(o * inputs, inputs), pair ? _weight.AsSpan((o + 1) * inputs, inputs) : default, dots);
                for (var t = tokenStart; t < tokenEnd; t++)
                {
                    output[t * outputs + o] = dots[2 * (t - tokenStart)] + _bias[o];
                    if (pair)
                        output[t * outputs + o + 1] = dots[2 * (t - tokenStart) + 1] + _bias[o + 1];
                }
            }
        });
    }
}
