using Paperboy.Semantic.Transformer.Model;

namespace Paperboy.Semantic.Tests.Transformer.Model;

public sealed class Int8DenseLayerTests
{
    [Fact]
    public void Each_row_is_scaled_by_its_largest_magnitude_so_it_maps_to_127()
    {
        float[] weight = [0.5f, -1f, 0.25f, /* row 2 */ 2f, 0f, -0.5f];

        var (quantized, scales) = Int8DenseLayer.Quantize(weight, outputs: 2, inputs: 3);

        Assert.Equal([64, -127, 32, 127, 0, -32], quantized.Select(q => (int)q));
        Assert.Equal([1f / 127, 2f / 127], scales);
    }

    [Fact]
    public void Outputs_equal_a_plain_loop_over_the_dequantized_weights()
    {
        var random = new Random(3);
        const int outputs = 70, inputs = 48, rows = 19;
        var weight = Enumerable.Range(0, outputs * inputs).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var bias = Enumerable.Range(0, outputs).Select(_ => (float)random.NextDouble()).ToArray();
        var input = Enumerable.Range(0, rows * inputs).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var (quantized, scales) = Int8DenseLayer.Quantize(weight, outputs, inputs);
        var actual = new float[rows * outputs];

        new Int8DenseLayer(weight, bias, outputs, inputs).Apply(input, actual, rows, new ParallelOptions());

        for (var r = 0; r < rows; r++)
        {
            for (var o = 0; o < outputs; o++)
            {
                double expected = bias[o];
                for (var i = 0; i < inputs; i++)
                    expected += input[r * inputs + i] * (double)quantized[o * inputs + i] * scales[o];
                Assert.Equal(expected, actual[r * outputs + o], 1e-4);
            }
        }
    }

    [Fact]
    public void Widening_matches_a_plain_cast_for_every_int8_value_and_a_ragged_tail()
    {
        var source = Enumerable.Range(-128, 256).Concat([5, -7, 127]).Select(v => (sbyte)v).ToArray();
        var widened = new float[source.Length];

        Int8DenseLayer.Widen(source, widened);

        Assert.Equal(source.Select(v => (float)v), widened);
    }
}
