using Paperboy.Semantic.Embedding;

namespace Paperboy.Semantic.Tests.Vectors;

/// <summary>Random unit vectors for the tests, from a seed, and the plain reference search they are checked against.</summary>
internal static class TestVectors
{
    public static EmbeddingModel Model(int dimensions) => new($"test:random:{dimensions}", dimensions, "random vectors for tests");

    public static float[] RandomUnit(Random random, int dimensions)
    {
        var v = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            v[i] = Gaussian(random);
        }
        return Normalize(v);
    }

    /// <summary>
    /// Vectors around <paramref name="clusters"/> random centres, each a centre plus Gaussian noise:
    /// closer to real embeddings, which bunch by topic, than uniform random vectors are.
    /// </summary>
    public static Dictionary<string, float[]> Clustered(int seed, int count, int dimensions, int clusters, float spread = 0.6f)
    {
        var random = new Random(seed);
        var centres = Enumerable.Range(0, clusters).Select(_ => RandomUnit(random, dimensions)).ToArray();
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var noiseScale = spread / MathF.Sqrt(dimensions);
        for (var i = 0; i < count; i++)
        {
            var centre = centres[random.Next(clusters)];
            var v = new float[dimensions];
            for (var d = 0; d < dimensions; d++)
            {
                v[d] = centre[d] + (Gaussian(random) * noiseScale);
            }
            vectors[$"doc{i}"] = Normalize(v);
        }
        return vectors;
    }

    public static Dictionary<string, float[]> Uniform(int seed, int count, int dimensions)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).ToDictionary(i => $"doc{i}", _ => RandomUnit(random, dimensions), StringComparer.Ordinal);
    }

    /// <summary>The reference: every vector's dot product in a plain loop, best first, ties to the smaller key.</summary>
    public static List<(string Key, float Score)> NaiveTop(IReadOnlyDictionary<string, float[]> vectors, float[] query, int k, Predicate<string>? accept = null)
    {
        var scored = new List<(string Key, float Score)>();
        foreach (var (key, vector) in vectors)
        {
            if (accept is not null && !accept(key))
            {
                continue;
            }
            var dot = 0f;
            for (var i = 0; i < query.Length; i++)
            {
                dot += query[i] * vector[i];
            }
            scored.Add((key, dot));
        }
        scored.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Key, b.Key));
        return scored.Take(k).ToList();
    }

    public static double Recall(IEnumerable<string> expected, IEnumerable<string> found)
    {
        var truth = expected.ToHashSet();
        return truth.Count == 0 ? 1 : (double)found.Count(truth.Contains) / truth.Count;
    }

    public static float[] Normalize(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        for (var i = 0; i < v.Length; i++)
        {
            v[i] /= norm;
        }
        return v;
    }

    private static float Gaussian(Random random) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
}
