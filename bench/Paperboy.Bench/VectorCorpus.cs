namespace Paperboy.Bench;

/// <summary>
/// Synthetic unit vectors shaped roughly like text embeddings, which bunch by topic: most lie around
/// one of a few hundred random centres (centre plus Gaussian noise whose length equals the centre's,
/// so a member's cosine with its centre is about 0.7 and two members' about 0.5), and a few are
/// uniform noise belonging to no topic. Uniform random vectors would be the hardest case for a graph
/// index and unlike any real corpus; tight clusters would be the easiest.
/// </summary>
internal static class VectorCorpus
{
    public const int Clusters = 300;
    public const double NoiseFraction = 0.05;

    /// <summary><paramref name="count"/> vectors of <paramref name="dimensions"/>, row after row; the same seed gives the same vectors.</summary>
    public static float[] Generate(Random random, float[][] centres, int count, int dimensions)
    {
        var data = new float[count * dimensions];
        var noise = 1 / Math.Sqrt(dimensions);
        for (var i = 0; i < count; i++)
        {
            var row = data.AsSpan(i * dimensions, dimensions);
            var centre = random.NextDouble() < NoiseFraction ? null : centres[random.Next(centres.Length)];
            for (var d = 0; d < dimensions; d++)
            {
                row[d] = (centre?[d] ?? 0) + (float)(Gaussian(random) * noise);
            }
            Normalize(row);
        }
        return data;
    }

    public static float[][] Centres(Random random, int dimensions) =>
        [.. Enumerable.Range(0, Clusters).Select(_ => RandomUnit(random, dimensions))];

    private static float[] RandomUnit(Random random, int dimensions)
    {
        var v = new float[dimensions];
        for (var d = 0; d < dimensions; d++)
        {
            v[d] = (float)Gaussian(random);
        }
        Normalize(v);
        return v;
    }

    private static void Normalize(Span<float> v)
    {
        var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares(v));
        System.Numerics.Tensors.TensorPrimitives.Divide(v, norm, v);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
