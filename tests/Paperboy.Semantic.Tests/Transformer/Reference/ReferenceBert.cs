using Paperboy.Semantic.Tests.Transformer.TestModel;

namespace Paperboy.Semantic.Tests.Transformer.Reference;

/// <summary>
/// BERT written the slow, obvious way, for checking the real one: double precision, plain loops, a
/// padded batch with an explicit attention mask (masked keys get -∞ before the softmax), straight
/// from the tensors the test generated. Shares no code with src.
/// </summary>
internal sealed class ReferenceBert(RandomBert model)
{
    /// <summary>Hidden states [text][position][feature]; padded positions are computed but meaningless.</summary>
    public double[][][] Forward(int[][] ids, int[][] typeIds, int[][] mask)
    {
        var h = model.Hidden;
        var output = new double[ids.Length][][];
        for (var b = 0; b < ids.Length; b++)
        {
            var length = ids[b].Length;
            var x = new double[length][];
            for (var p = 0; p < length; p++)
            {
                x[p] = new double[h];
                for (var f = 0; f < h; f++)
                {
                    x[p][f] = model.Values("embeddings.word_embeddings.weight")[ids[b][p] * h + f]
                        + model.Values("embeddings.position_embeddings.weight")[p * h + f]
                        + model.Values("embeddings.token_type_embeddings.weight")[typeIds[b][p] * h + f];
                }
                x[p] = Norm(x[p], "embeddings.LayerNorm");
            }
            for (var layer = 0; layer < model.Layers; layer++)
                x = Layer(x, mask[b], $"encoder.layer.{layer}");
            output[b] = x;
        }
        return output;
    }

    public static double[] MeanPool(double[][] hidden, int[] mask)
    {
        var sum = new double[hidden[0].Length];
        var count = 0;
        for (var p = 0; p < hidden.Length; p++)
        {
            if (mask[p] == 0)
                continue;
            count++;
            for (var f = 0; f < sum.Length; f++)
                sum[f] += hidden[p][f];
        }
        return sum.Select(v => v / count).ToArray();
    }

    public static double[] Normalized(double[] vector)
    {
        var norm = Math.Sqrt(vector.Sum(v => v * v));
        return vector.Select(v => v / norm).ToArray();
    }

    private double[][] Layer(double[][] x, int[] mask, string prefix)
    {
        var (length, h, heads) = (x.Length, model.Hidden, model.Heads);
        var d = h / heads;
        var q = x.Select(row => Linear(row, $"{prefix}.attention.self.query")).ToArray();
        var k = x.Select(row => Linear(row, $"{prefix}.attention.self.key")).ToArray();
        var v = x.Select(row => Linear(row, $"{prefix}.attention.self.value")).ToArray();
        var context = new double[length][];
        for (var i = 0; i < length; i++)
        {
            context[i] = new double[h];
            for (var head = 0; head < heads; head++)
            {
                var scores = new double[length];
                for (var j = 0; j < length; j++)
                {
                    double dot = 0;
                    for (var c = 0; c < d; c++)
                        dot += q[i][head * d + c] * k[j][head * d + c];
                    scores[j] = mask[j] == 1 ? dot / Math.Sqrt(d) : double.NegativeInfinity;
                }
                var max = scores.Max();
                var exps = scores.Select(s => Math.Exp(s - max)).ToArray();
                var total = exps.Sum();
                for (var j = 0; j < length; j++)
                {
                    for (var c = 0; c < d; c++)
                        context[i][head * d + c] += exps[j] / total * v[j][head * d + c];
                }
            }
        }
        var attended = new double[length][];
        for (var i = 0; i < length; i++)
        {
            var projected = Linear(context[i], $"{prefix}.attention.output.dense");
            attended[i] = Norm(projected.Select((value, f) => value + x[i][f]).ToArray(), $"{prefix}.attention.output.LayerNorm");
        }
        var result = new double[length][];
        for (var i = 0; i < length; i++)
        {
            var inner = Linear(attended[i], $"{prefix}.intermediate.dense").Select(Activate).ToArray();
            var projected = Linear(inner, $"{prefix}.output.dense");
            result[i] = Norm(projected.Select((value, f) => value + attended[i][f]).ToArray(), $"{prefix}.output.LayerNorm");
        }
        return result;
    }

    private double Activate(double x) => model.Activation switch
    {
        "gelu" => 0.5 * x * (1 + ReferenceErf.Erf(x / Math.Sqrt(2))),
        "gelu_new" => 0.5 * x * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x))),
        _ => throw new NotSupportedException(model.Activation),
    };

    private double[] Linear(double[] input, string name)
    {
        var weight = model.Tensors[$"{name}.weight"];
        var bias = model.Values($"{name}.bias");
        var (outputs, inputs) = ((int)weight.Shape[0], (int)weight.Shape[1]);
        var y = new double[outputs];
        for (var o = 0; o < outputs; o++)
        {
            double sum = bias[o];
            for (var i = 0; i < inputs; i++)
                sum += input[i] * weight.Values[o * inputs + i];
            y[o] = sum;
        }
        return y;
    }

    private double[] Norm(double[] x, string name)
    {
        var (weight, bias) = (model.Values($"{name}.weight"), model.Values($"{name}.bias"));
        var mean = x.Average();
        var variance = x.Select(v => (v - mean) * (v - mean)).Average();
        return x.Select((v, f) => (v - mean) / Math.Sqrt(variance + 1e-12) * weight[f] + bias[f]).ToArray();
    }
}
